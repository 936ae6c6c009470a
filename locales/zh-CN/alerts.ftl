## 访客邮件提醒（无需账号）。

alerts-follow = 通过邮件接收新结果
alerts-title = 邮件提醒
alerts-lead = 有新内容发布时，我们会以本语言按天或按周给您发邮件。无需注册账号；每封邮件都附有退订链接。
alerts-topic = 关注内容
alerts-topic-technologies = 此检索的新技术
alerts-topic-needs = 新的技术需求
alerts-topic-calls = 新的项目征集
alerts-topic-events = 新的活动
alerts-filters-kept = 将保留您来源页面的检索词和筛选条件。
alerts-filters-see = 查看该页面
alerts-frequency = 频率
alerts-frequency-daily = 每天
alerts-frequency-weekly = 每周
alerts-email = 电子邮箱
alerts-email-hint = 我们会先发送一封确认邮件，确认邮箱属于您；确认之前不会发送其他邮件。
alerts-submit = 订阅
alerts-limit = 此邮箱已有 { $n } 个提醒，已达上限。请先通过邮件中的链接停止其中一个。
alerts-too-many = 今天已向此邮箱发送了多封确认邮件。请确认其中一封，或明天再试。
alerts-sent-title = 请查收邮件
alerts-sent-text = 我们已给您发送一封带确认链接的邮件。确认之前不会发送其他邮件。
alerts-link-title = 此链接无法使用
alerts-link-tampered = 此链接不是我们发出的，或在传递中被改动。未作任何更改。
alerts-link-expired = 此确认链接已过期，请重新订阅。
alerts-confirm-title = 确认您的提醒
alerts-confirm-text = 点击按钮，即开始向此邮箱发送提醒。
alerts-confirm-button = 确认
alerts-confirmed-title = 您的提醒已确认
alerts-confirmed-text = 有新内容发布时，您会收到邮件。每封邮件都附有退订链接。
alerts-unsubscribe-title = 停止此提醒
alerts-unsubscribe-text = 点击按钮后，您将不再收到此提醒的邮件。
alerts-unsubscribe-button = 停止提醒
alerts-unsubscribed-title = 提醒已停止
alerts-unsubscribed-text = 您将不再收到此提醒的邮件。您可以随时重新订阅。
alerts-mail-confirm-subject = 请确认您在 TechBridge 的提醒
alerts-mail-confirm-body =
    您好：

    有人（可能是您本人）在 TechBridge 订阅了关于{ $what }的邮件提醒（{ $how }）：
    { $page }

    如需确认，请在 { $days } 天内打开以下链接并点击按钮：
    { $confirm }

    如非本人操作，请忽略此邮件：未经确认，我们不会再发送任何邮件。

    如要立即拒绝：{ $stop }

    中国—东盟技术转移中心（南宁）
alerts-mail-digest-subject = { $count } 条新内容：{ $what }
alerts-mail-digest-body =
    您好：

    自上次来信以来新发布的{ $what }：

    { $list }

    查看全部：{ $page }

    如不想再收到此类邮件：{ $stop }

    中国—东盟技术转移中心（南宁）

## What each form says when a field is missing or wrong.
alerts-error-email = 请填写接收提醒的电子邮箱。
alerts-error-topic = 请选择您要关注的内容。
alerts-error-frequency = 请选择提醒频率。
