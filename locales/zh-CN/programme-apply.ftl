## 申请：接收岗位、进度链接、草稿、推荐人（programme-apply）

apply-host-post-option = { $institution }—{ $lab }（{ $field }，{ $months }）
status-error-link = 此进度查询链接无效。请确认复制了完整的链接，或使用申请编号和电子邮箱查询您的申请。

apply-email-hint = 保存草稿时必填：继续填写的链接将发送到此邮箱。
apply-error-email-taken = 已有人使用此电子邮箱申请本批次项目。每人每批次只能提交一份申请。
apply-email-taken-link = 查询您的申请进度
apply-error-draft-email = 请填写有效的电子邮箱以保存草稿：继续填写的链接将发送到该邮箱。
apply-error-draft-link = 此草稿链接无效，或草稿已在申请截止时删除。
apply-save-draft = 保存，稍后继续
apply-save-draft-hint = 保存您已填写的内容和已上传的文件，并通过电子邮件向您发送继续填写的链接。只需填写电子邮箱。
apply-file-kept = 已保留：{ $filename }。如需替换，请重新选择文件。
apply-draft-saved-title = 草稿已保存
apply-draft-saved-text = 我们已将链接发送至 { $email }。打开该链接即可从上次中断处继续填写申请，已上传的文件也会保留。
apply-draft-saved-expiry = 申请截止后，草稿及其文件将被删除。

apply-section-referees = 推荐人
apply-referees-hint = 请填写两位了解您研究工作的推荐人。每位推荐人将收到一封以您所选语言撰写的电子邮件，其中附有上传推荐信的链接。您不会看到推荐信内容。
apply-referee-n = 推荐人 { $n }
apply-referee-name = 推荐人姓名
apply-referee-email = 推荐人电子邮箱
apply-referee-institution = 推荐人所在单位
apply-referee-lang = 推荐人邮件语言
apply-referee-lang-zh-CN = 简体中文
apply-referee-lang-en = 英语（English）
apply-referee-lang-id = 印度尼西亚语（Bahasa Indonesia）
apply-referee1_name = 推荐人 1：姓名
apply-referee1_email = 推荐人 1：电子邮箱
apply-referee1_institution = 推荐人 1：所在单位
apply-referee1_lang = 推荐人 1：邮件语言
apply-referee2_name = 推荐人 2：姓名
apply-referee2_email = 推荐人 2：电子邮箱
apply-referee2_institution = 推荐人 2：所在单位
apply-referee2_lang = 推荐人 2：邮件语言
apply-error-referee-name = 请填写推荐人姓名。
apply-error-referee-email = 请填写推荐人的电子邮箱。
apply-error-referee-self = 推荐人不能是您本人，请填写他人的电子邮箱。
apply-error-referee-twice = 两位推荐人须为不同的人，电子邮箱也须不同。
apply-error-referee-institution = 请填写推荐人所在单位。
apply-error-referee-lang = 请选择推荐人邮件的语言。

apply-amend-intro = 评审专家需要您补充信息后才能继续评审。请按下方要求修改并提交补充材料；您此前提交的文件将予以保留，除非您上传新文件替换。
apply-amend-message = 评审专家留言
apply-requested-document = 需补充：{ $name }
apply-requested_1 = 需补充的材料 1
apply-requested_2 = 需补充的材料 2
apply-requested_3 = 需补充的材料 3
apply-requested_4 = 需补充的材料 4
apply-requested_5 = 需补充的材料 5
apply-requested_6 = 需补充的材料 6
apply-requested_7 = 需补充的材料 7
apply-requested_8 = 需补充的材料 8
apply-requested_9 = 需补充的材料 9
document-referee_letter = 推荐信
document-requested_1 = 补充材料 1
document-requested_2 = 补充材料 2
document-requested_3 = 补充材料 3
document-requested_4 = 补充材料 4
document-requested_5 = 补充材料 5
document-requested_6 = 补充材料 6
document-requested_7 = 补充材料 7
document-requested_8 = 补充材料 8
document-requested_9 = 补充材料 9

status-referees = 推荐信
status-letter-arrived = 已收到推荐信
status-letter-waiting = 尚未收到推荐信
status-remind = 提醒 { $name }
referee-reminder-sent = 已向 { $name } 发送提醒。
referee-reminder-too-soon = 距上次提醒不足一周。您可于 { $date } 起再次发送提醒。
referee-reminder-not-needed = 该推荐人的推荐信已收到，无需提醒。
referee-error-position = 此提醒请求无效。

referee-title = 推荐信
referee-intro = { $referee }您好：{ $applicant }已申请东盟杰出青年科学家来华入桂工作计划，并将您列为推荐人。请以 PDF 文件形式上传您的推荐信。申请人不会看到推荐信内容。
referee-letter-at = 我们已于 { $date } 收到您的推荐信。如需替换，请上传新的文件。
referee-letter = 推荐信（PDF）
referee-submit = 上传推荐信
referee-received = 谢谢！我们已收到您的推荐信。
referee-error-link = 此链接无效。请确认复制了邮件中的完整链接。
referee-error-letter-required = 请选择 PDF 格式的推荐信文件。

mail-draft-subject = 继续填写东盟杰出青年科学家来华入桂工作计划申请
mail-draft-body =
    您好：

    您的申请已保存为草稿，已上传的文件也一并保留。打开以下链接即可从上次中断处继续填写：

    { $link }

    草稿将保留至申请截止日（{ $date }），届时将连同文件一并删除。

    中国—东盟技术转移中心（南宁）
mail-referee-subject = { $applicant }请您撰写推荐信
mail-referee-body =
    { $referee }您好：

    { $applicant }已申请东盟杰出青年科学家来华入桂工作计划，并将您列为推荐人。请在以下网址上传您的推荐信（PDF 文件）：

    { $link }

    无需注册账户。申请人不会看到您的推荐信。

    中国—东盟技术转移中心（南宁）
mail-referee-reminder-subject = 提醒：请为{ $applicant }上传推荐信
mail-referee-reminder-body =
    { $referee }您好：

    { $applicant }请我们提醒您为其东盟杰出青年科学家来华入桂工作计划申请撰写推荐信。您可在以下网址上传推荐信（PDF 文件）：

    { $link }

    中国—东盟技术转移中心（南宁）
