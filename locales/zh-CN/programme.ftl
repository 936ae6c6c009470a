## 申请参加项目

apply-title = 申请参加项目
apply-amend-title = 完善申请
apply-intro = 请填写所有栏目。所有材料须为 PDF 文件。提交后您将获得申请编号，可随时凭此查询申请进度。
apply-reselect-files = 为保障安全，表单重新显示时不会保留已添加的附件，请重新选择文件。
apply-section-you = 个人信息
apply-section-research = 研究方向与申请岗位
apply-section-documents = 申请材料
apply-name = 姓名（拉丁字母）
apply-name-hint = 须与护照一致。
apply-email = 电子邮箱
apply-nationality = 国籍
apply-nationality-other = 其他国家
apply-date-of-birth = 出生日期
apply-date-hint = 格式：年-月-日，例如 1990-04-17。
apply-degree = 最高学位
apply-research-years = 科研工作年限
apply-field = 研究领域
apply-institution = 现工作单位
apply-host-post = 申请的接收岗位
apply-english = 英语水平
apply-chinese = 中文水平
apply-proposal-title = 研究计划题目
apply-proposal = 研究计划
apply-proposal-hint = 请说明您希望在广西开展的研究内容、研究意义、研究方法及预期成果（200 至 20000 字）。
apply-documents-hint = PDF 文件，每个不超过 { $n } MB。
apply-documents-keep = 如保留此前提交的材料，请将此处留空；如需替换，请选择新的 PDF 文件。
apply-cv = 个人简历（PDF）
apply-degree-certificate = 学位证书（PDF）
apply-consent = 我同意中心为评审本申请而处理其中的信息，并将其提供给我所选择的接收单位。
apply-submit = 提交申请
apply-resubmit = 重新提交申请
apply-done-title = 我们已收到您的申请
apply-done-reference = 您的申请编号：
apply-done-text = 请妥善保存此编号。凭此编号和您的电子邮箱，可随时查询申请进度。我们已向您发送确认邮件。

apply-error-nationality = 本项目仅接受东盟成员国国籍人员申请。
apply-error-age = 截至本批次申请截止日期，申请人须未满 45 周岁。
apply-error-degree = 申请人须具有博士学位；仅具有硕士学位的，须有5年以上科研工作经历。
apply-error-language = 申请人须具备英语或中文工作能力。
apply-error-proposal-short = 请用不少于 200 字描述您的研究计划。
apply-error-file-required = 请以 PDF 格式上传此材料。
apply-error-file-too-large = 此文件过大，大小上限为 { $n } MB。
apply-error-not-pdf = 此文件不是 PDF 文件。
apply-error-closed = 目前暂未开放申请。
apply-error-amend-expired = 此链接已失效，或该申请目前无法修改。请重新查询您的申请。

apply-date_of_birth = 出生日期
apply-degree_file = 学位证书
apply-research_years = 科研经历
apply-host_post = 接收岗位
apply-english_level = 英语水平
apply-chinese_level = 中文水平
apply-proposal_title = 研究计划题目

degree-phd = 博士学位
degree-master = 硕士学位
level-none = 无
level-basic = 基础
level-good = 良好
level-fluent = 流利或母语
document-cv = 个人简历
document-degree = 学位证书

## 申请进度

status-intro = 请输入申请时获得的申请编号和您的电子邮箱。
status-reference = 申请编号
status-reference-hint = 例如 ATS-2027-7K3QD-XM9WR。
status-email = 申请时使用的电子邮箱
status-submit = 查询进度
status-not-found = 未找到与该申请编号和电子邮箱匹配的申请，请核对后重试。
status-for = 申请 { $reference }
status-history = 处理记录
status-amend = 完善并重新提交申请
status-another = 查询其他申请

app-status-submitted = 已提交
app-status-screening = 资格审查
app-status-under_review = 评审中
app-status-more_info = 需补充信息
app-status-accepted = 已入选
app-status-declined = 未入选
app-status-text-submitted = 我们已收到您的申请，将尽快进行资格审查。
app-status-text-screening = 我们正在审查您的申请材料是否完整、是否符合申请条件。
app-status-text-under_review = 评审专家正在与接收单位共同评审您的申请。
app-status-text-more_info = 评审专家需要您补充信息。请阅读下方留言，然后完善并重新提交申请。
app-status-text-accepted = 祝贺您入选本项目！接收单位将与您联系后续事宜。
app-status-text-declined = 很遗憾，您的申请本次未能入选。欢迎您参加今后批次的申请。

## 致申请人的邮件

mail-confirmation-subject = 您的申请 { $reference } 已收到
mail-confirmation-body =
    尊敬的 { $name }：

    感谢您申请东盟杰出青年科学家来华入桂工作计划。您的申请编号为 { $reference }。

    您可随时凭此申请编号和您的电子邮箱，在以下网址查询申请进度：{ $status_url }

    此致
    敬礼！
    中国—东盟技术转移中心（南宁）
mail-more_info-subject = 申请 { $reference }：需补充信息
mail-more_info-body =
    尊敬的 { $name }：

    评审专家需要您就申请 { $reference } 补充以下信息：

    { $note }

    请在以下网址查询您的申请，完善后重新提交：{ $status_url }

    此致
    敬礼！
    中国—东盟技术转移中心（南宁）
mail-accepted-subject = 申请 { $reference }：您已入选
mail-accepted-body =
    尊敬的 { $name }：

    我们很高兴地通知您，您的申请 { $reference } 已获通过。{ $note }

    接收单位将与您联系后续事宜。

    此致
    敬礼！
    中国—东盟技术转移中心（南宁）
mail-declined-subject = 申请 { $reference }：评审结果
mail-declined-body =
    尊敬的 { $name }：

    感谢您关注本项目。很遗憾地通知您，您的申请 { $reference } 本次未能入选。{ $note }

    欢迎您参加今后批次的申请。

    此致
    敬礼！
    中国—东盟技术转移中心（南宁）

## 管理后台：申请

admin-application-title = 申请 { $reference }
admin-applicant = 申请人
admin-documents = 申请材料
admin-history = 处理记录
admin-change-status = 更改状态
admin-message-to-applicant = 给申请人的留言
admin-message-to-applicant-hint = 要求补充信息时必填；将附在结果通知中。申请人可以看到此内容。
admin-reviews = 评分与意见
admin-reviews-private = 仅评审专家和管理员可见，申请人无法查看。
admin-review-note = 意见
admin-add-review = 添加评分和意见
admin-messages-sent = 发给申请人的邮件
admin-erase-title = 删除申请人数据
admin-erase-text = 用于处理个人信息删除请求：删除该申请及其材料、处理记录、评分和邮件。操作日志仅记录已执行删除。
admin-erase = 删除此申请的全部数据
admin-col-reference = 申请编号
admin-col-submitted = 提交时间
admin-col-score = 评分
admin-error-status-transition = 该申请当前的状态无法更改为此状态。
admin-error-more-info-message = 请给申请人留言，说明需要补充哪些信息。
admin-outbox-to = 收件人
admin-outbox-subject = 主题
admin-outbox-sent = 已发送
admin-outbox-waiting = 等待发送
admin-outbox-gave-up = 未发送：失败 { $n } 次后已停止重试（错误见下方）。请手动发送。
admin-outbox-smtp = 邮件将尽快发出；发送失败时会自动重试。
admin-outbox-no-smtp = 未配置邮件服务器：邮件暂存于此，不会丢失。配置 SMTP_URL 后即可发送。

## What each form says when a field is missing or wrong.
apply-error-name = 请填写与护照一致的姓名。
apply-error-email = 请填写电子邮箱：申请编号和评审结果将发送到这里。
apply-error-nationality-missing = 请选择您的国籍。
apply-error-date-of-birth = 请填写您的出生日期。
apply-error-degree-missing = 请选择您的最高学位。
apply-error-research-years = 请填写从事科研的年数（0至60之间的数字）。
apply-error-field = 请选择您的研究领域。
apply-error-institution = 请填写您所在的大学或研究机构。
apply-error-host-post = 请选择您申请的接收岗位。
apply-error-english-level = 请选择您的英语水平。
apply-error-chinese-level = 请选择您的中文水平。
apply-error-proposal-title = 请填写研究计划的题目。
apply-error-proposal = 请填写研究计划：您将在广西研究什么、如何研究，以及对您的国家有何意义。
apply-error-consent = 请勾选此项，以便我们评审您的申请并提交给评审专家。
status-error-reference = 请填写确认邮件中的申请编号（以 ATS- 开头）。
status-error-email = 请填写您申请时使用的电子邮箱。
