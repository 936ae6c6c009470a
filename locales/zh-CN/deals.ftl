## 对接：答复方的答复页面、对接发出的邮件、后台看板。

reply-title = 答复咨询
reply-lead = 中国—东盟技术转移中心将这条咨询转给您。请告诉我们您是否有意向；我们会用咨询方的语言转达您的答复。
reply-lead-interest = 有技术提供方回应了您发布的需求。请告诉我们您是否有意向；我们会用对方的语言转达您的答复。
reply-asked = 关于“{ $title }”的咨询
reply-asked-interest = 对您的需求“{ $title }”的回应
reply-from = 来自
reply-offered = 提供的技术
reply-written-in = 原文语言
reply-answer = 您的答复
reply-answer-interested = 有意向：希望进一步洽谈
reply-answer-question = 先提一个问题再决定
reply-answer-declined = 不适合我们
reply-reason = 原因（如不适合）
reply-reason-hint = 仅在答复“不适合我们”时需要。
reply-reason-not_fit = 与我们的技术不匹配
reply-reason-region = 不服务该地区
reply-reason-licensed = 已许可他方
reply-reason-capacity = 目前没有余力
reply-reason-other = 其他原因
reply-message = 留言
reply-message-hint = 答复“有意向”或提问时必填，其他情况可选。留言将原样转达。
reply-submit = 发送答复
reply-refused-title = 此链接无法使用
reply-link-tampered = 此链接不是我们发出的，或在传递中被改动。请原样打开邮件中的链接，或直接联系中心。
reply-link-expired = 此链接已过期。请联系中心，我们会给您发送新的链接。
reply-link-used = 已通过此链接作出答复，或已有更新的链接取代它。未作任何更改。
reply-closed-title = 此咨询已关闭
reply-deal-signed = 此咨询已签署协议，无需再答复。未作任何更改。
reply-deal-closed = 中心已关闭此咨询（{ $reason }），不再接受答复。未作任何更改。
reply-done-title = 谢谢，您的答复已收到
reply-done-text = 我们已转达您的答复，中心将与双方跟进。
reply-already-recorded = 您的答复此前已记录，未重复记录。

deal-close-reason-declined = 答复方婉拒
deal-close-reason-no_reply = 未获答复
deal-close-reason-not_pursued = 咨询方未继续推进
deal-close-reason-duplicate = 重复
deal-close-reason-other = 其他原因

deal-mail-forward-subject = 来自{ $organisation }（{ $country }）关于“{ $title }”的咨询
deal-mail-forward-body =
    尊敬的 { $name }：

    { $organisation }（{ $country }）的 { $asker } 通过中国—东盟技术转移中心，就贵方技术“{ $title }”发来以下咨询：

    { $message }
deal-mail-interest-subject = 有技术提供方回应了您的需求“{ $title }”
deal-mail-interest-body =
    尊敬的 { $name }：

    { $asker } 针对您的需求“{ $title }”提供技术：{ $offered }

    对方留言：

    { $message }
deal-mail-other-language = 原文使用{ $language }撰写。
deal-mail-centre-note = 中心附言：{ $note }
deal-mail-reply-link =
    请在以下页面答复（无需注册账号；链接仅可使用一次，{ $days } 天内有效）：
    { $link }
deal-mail-signature = 中国—东盟技术转移中心（南宁）
deal-mail-reminder-subject = 提醒：关于“{ $title }”的咨询正在等待您的答复
deal-mail-reminder-body =
    尊敬的 { $name }：

    两周前我们向您转发了{ $organisation }关于“{ $title }”的咨询。对方正在等待您的答复：有意向、先提问题，或不适合。
deal-mail-answer-subject = 关于“{ $title }”的答复
deal-mail-answer-interested =
    尊敬的 { $name }：

    好消息：对方有意就“{ $title }”继续洽谈。
deal-mail-answer-question =
    尊敬的 { $name }：

    对方在决定之前，就“{ $title }”提出了一个问题。
deal-mail-answer-declined =
    尊敬的 { $name }：

    感谢您对“{ $title }”的关注。对方决定暂不推进。
deal-mail-answer-reason = 对方说明的原因：{ $reason }
deal-mail-answer-message =
    对方留言：

    { $message }
deal-mail-answer-through-centre = 中心将就后续步骤与您联系。您可直接回复本邮件与我们联系。
deal-mail-answer-contact = 您可以写信至 { $contact } 与对方联系；中心也会跟进。

admin-nav-deals = 对接
admin-deals-stages = 各阶段对接
admin-deals-stage = 阶段
admin-deals-month = 创建月份
admin-deals-editor = 编辑
admin-deals-caption = 对接列表：逾期的在前，其余按最近变动排序
admin-deals-number = 编号
admin-deals-who = 机构
admin-deals-about = 事项
admin-deals-since = 自
deal-overdue = 逾期
deal-stage-new = 新建
deal-stage-forwarded = 已转发
deal-stage-answered = 已答复
deal-stage-talks = 洽谈中
deal-stage-signed = 已签约
deal-stage-closed = 已关闭
deal-origin-inquiry = 咨询
deal-origin-interest = 对需求的回应
admin-deal-title = 对接 #{ $count }
admin-deal-need = 需求
admin-deal-asker = 发起方
admin-deal-answerer = 答复方
admin-deal-signed-on = 签约日期
admin-deal-closed-reason = 关闭原因
admin-deal-exchange = 往来记录
deal-event-received = 收到咨询
deal-event-interest = 收到合作意向
deal-event-forwarded = 已转发
deal-event-reminded = 已发送提醒
deal-event-overdue = 标记为逾期
deal-event-answered = 已答复
deal-event-meeting = 记录洽谈
deal-event-signed = 签署协议
deal-event-closed = 已关闭
admin-deal-forward = 转发
admin-deal-forward-hint = 将以答复方的语言向 { $email } 发送邮件，附带答复页面的签名链接。之前的链接将失效。
admin-deal-note-to-answerer = 给答复方的附言（可选）
admin-deal-forward-button = 立即转发
admin-deal-talks = 记录会谈或考察
admin-deal-meeting-kind = 会谈或考察
deal-meeting-meeting = 会谈
deal-meeting-visit = 考察
admin-deal-date = 日期
admin-deal-note = 备注（可选）
admin-deal-talks-button = 记录洽谈
admin-deal-sign = 记录已签署的协议
admin-deal-kind = 协议类型
deal-kind-licence = 技术许可
deal-kind-joint_venture = 合资
deal-kind-equipment = 设备采购
deal-kind-service = 技术服务
deal-kind-other = 其他
admin-deal-value = 金额（可选，整数）
admin-deal-currency = 币种
admin-deal-sign-button = 记录协议
admin-deal-close = 未签约关闭
admin-deal-close-reason = 原因
admin-deal-close-button = 关闭对接
admin-flash-deal-moved = 对接已更新。
admin-flash-deal-taken = 他人已先行更新此对接，本次未作任何更改。下方显示其当前阶段。
admin-field-contact-lang = 联系人语言
admin-hint-contact-lang = 发给技术提供方联系人的邮件所用语言，填写语言代码，如 zh-CN、en 或 id。留空则使用原文语言。
admin-field-via-centre = 通过中心联系
admin-hint-via-centre = 技术页面将不显示邮箱和电话，所有咨询均经由中心转达。
tech-contact-via-centre = 请通过中国—东盟技术转移中心联系。
tech-contact-via-centre-link = 发送咨询

## 统计数据与报表
figure-answered = 条咨询已获答复
figure-countries = 个国家已覆盖
figure-organisations = 家机构获得服务
figure-note = 截至{ $month }为 { $baseline }{ $more ->
        [yes] 余
       *[no] {""}
    }，此后新记录 { $recorded }
figure-set-note = { $dated ->
        [yes] 截至{ $month }为
       *[no] {""}
    }{ $more ->
        [yes] { $value }余
       *[no] { $value }
    }
figure-month = { $year }年{ $month }
admin-nav-report = 报表
report-figures = 统计数据
report-received = 收到
report-answered = 已答复
report-signed = 已签约
report-total = 合计
report-col-dimension = 表格
report-col-key = 代码
report-col-label = 名称
report-by-month = 按月份
report-by-country = 按国家
report-by-field = 按领域
report-chart-month = 近十二个月收到、答复和签约的对接
report-chart-country = 各国家收到、答复和签约的对接
report-chart-field = 各领域收到、答复和签约的对接
report-chart-desc = 每行三根柱：收到、已答复、已签约。图旁的表格给出相同的数字。
report-download-csv = 下载表格（CSV）
report-baseline = 门户上线前的基数
report-baseline-hint = 中心在门户上线前已统计的数字；统计数据在此基础上加上门户中记录的数字。月份会一并显示，例如“截至2022年5月为 653，此后新记录 41”。
report-baseline-agreements = 已签协议
report-baseline-answered = 已答复咨询
report-baseline-organisations = 已服务机构
report-baseline-countries = 已覆盖国家
report-baseline-countries-hint = 国家代码，以空格分隔，如 ID VN TH。
report-baseline-as-of = 统计截至（月份）
report-baseline-as-of-hint = 年-月，如 2022-05。留空则不显示基数说明。
report-countries-invalid = 请使用以空格分隔的国家代码，如 ID VN TH。
report-month-invalid = 请按“年-月”格式输入月份，如 2022-05。

## 对需求的回应
interest-answer-this-need = 为此需求提供技术
interest-title = 回应需求“{ $title }”
interest-lead = 请告诉发布方您能提供什么。每条回应都由编辑审核，之后我们会用对方的语言转达，并与双方跟进。
interest-organisation = 贵机构名称
interest-country = 国家
interest-contact_name = 联系人
interest-email = 联系邮箱
interest-technology = 库中的技术
interest-technology-hint = 技术成果库中与此需求匹配的技术。也可以在下方描述您的技术。
interest-technology-none = 以上都不是：我在下方描述
interest-technology_text = 技术说明
interest-technology-required = 请从列表中选择一项技术，或描述您的技术。
interest-message = 给发布方的留言
interest-consent = 我同意中心保存此回应，并将其连同我的联系方式转交给发布需求的机构。
interest-submit = 提交审核
interest-sent-title = 谢谢，您的回应已收到
interest-sent-text = 编辑通常会在两个工作日内审核，然后以对方的语言转交给发布机构。我们会通过邮件与您联系。
interest-back = 返回需求
admin-nav-interests = 需求回应
admin-interests-intro = 对已发布需求的合作意向。批准后将以发布方的语言发送给对方，附带答复链接，并新建一条对接。
admin-interests-caption = 需求回应，待审核的在前
admin-interest-approve = 批准并发送
admin-interest-reject = 拒绝
admin-interest-status-pending = 待审核
admin-interest-status-approved = 已批准
admin-interest-status-rejected = 已拒绝

## 与需求匹配的新技术摘要
matches-opt-in = 有新发布的技术与此需求匹配时，给我发邮件（每天最多一封）。
matches-mail-subject = 有 { $count } 项新技术与您的需求“{ $title }”匹配
matches-mail-body =
    尊敬的 { $name }：

    自我们上次来信以来，技术成果库新发布了以下与您的需求“{ $title }”匹配的技术：

    { $list }

    如需与技术提供方对接，请在技术页面发送咨询，或直接回复本邮件。

    如不想再收到此类邮件：{ $stop }

    中国—东盟技术转移中心（南宁）
matches-stop-title = 停止接收新匹配技术的邮件
matches-stop-text = 您将不再收到与您的需求匹配的新技术邮件。您的需求仍保持发布。
matches-stop-button = 停止接收
matches-stopped-title = 已停止接收新匹配技术的邮件
matches-stopped-text = 您的需求仍保持发布。您可以随时请中心重新开启。
matches-stop-invalid = 此链接不是我们发出的，或在传递中被改动。未作任何更改。
admin-deals-auto-forward = 新咨询通过表单校验和频率限制后立即转发给技术提供方，无需等待编辑处理。

## What each form says when a field is missing or wrong.
interest-error-organisation = 请填写提供该技术的企业或机构名称。
interest-error-country = 请选择您的单位所在国家。
interest-error-contact-name = 请填写需求发布方可以联系的人员姓名。
interest-error-email = 请填写电子邮箱：需求发布方的回复将发送到这里。
interest-error-technology = 请从列表中选择一项技术，或在下方描述您的技术。
interest-error-message = 请说明您的技术如何满足这一需求。
interest-error-consent = 请勾选此项，以便我们将您的对接意向转给需求发布方。
reply-error-answer = 请选择您对这条咨询的答复。
reply-error-reason = 请选择拒绝的原因，以便中心另寻对接途径。
reply-error-message = 请写下给企业的答复：将按原文发送给对方。
