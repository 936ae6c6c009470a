# 东盟杰出青年科学家来华入桂工作计划评审：分配、利益冲突、评分细则、匿名评审、提醒、批量决定、报告。

app-status-waitlisted = 候补名单
app-status-text-waitlisted = 您的申请已列入候补名单。如有名额空出，我们将与您联系。

review-call-title = 评审：{ $call }
review-call-link = 评审专家、评分细则与排名
review-report-link = 项目报告

## Settings
review-settings-title = 评审设置
review-blind = 匿名评审
review-blind-hint = 评审专家看不到申请人的姓名、照片、电子邮箱、所在单位或文件名。管理员可以看到全部信息。
review-setting-review_deadline = 评审截止日期
review-setting-reminder_days = 截止前几天提醒评审专家
review-setting-reviewers_per_application = 每份申请的评审专家人数
review-error-date = 请按 YYYY-MM-DD 格式填写日期，或留空。

## Rubric
review-rubric-title = 评分细则
review-rubric-hint = 每位评审专家对每项标准打 1–5 分。加权总分为（分数 × 权重）之和除以权重之和，仍为 1–5 分制。
review-weight-label = 权重
review-label-in = 名称（{ $language }）
review-weight = 权重 { $weight }
review-error-weights-zero = 至少一项标准的权重须大于零。

## Reviewers and assignment
review-reviewers-title = 评审专家及其领域
review-no-reviewers = 尚无启用的评审专家账户。
review-load = 本批次 { $n } 份申请
review-save-fields = 保存领域
review-assign-title = 分配
review-auto-hint = 为每份评审中的申请分配 { $n } 位评审专家：优先分配任务最少者，同等情况下优先熟悉该领域者，绝不分配已声明利益冲突者。
review-auto = 自动分配
review-assign = 分配
review-assign-caption = 各申请的评审专家
review-assigned = 已分配的评审专家
review-none-assigned = 尚未分配
review-declared = 已声明无利益冲突
review-pending = 待声明
review-unassign = 移除
review-unassign-label = 将 { $reviewer } 从 { $reference } 移除
review-error-already-assigned = 该评审专家已分配到此申请。
review-error-conflicted = 该评审专家已声明与此申请存在利益冲突。

## Conflicts of interest
review-declare-title = 利益声明：{ $reference }
review-declare-intro = 打开此申请前，请声明您与申请人是否存在利益冲突。
review-declare-facts = 申请概况
review-declare-question = 您是否存在利益冲突？
review-declare-none = 否，我不存在利益冲突
review-conflict-reason-institution = 是：同一单位
review-conflict-reason-collaborator = 是：合作者
review-conflict-reason-other = 是：其他原因
review-declare-note = 说明
review-declare-note-hint = 选择“其他原因”时必填。仅管理员可见。
review-declare-submit = 提交声明
review-error-declare = 请选择一项。
review-error-note = 请说明其他原因。
review-conflicts-title = 已声明的利益冲突
review-conflict-line = { $reviewer } 声明与 { $reference } 存在利益冲突（{ $reason }）。
review-conflict-mail-subject = { $reference } 有评审专家声明利益冲突
review-conflict-mail-body =
    { $reviewer } 声明与申请 { $reference } 存在利益冲突：{ $reason }。

    { $note }

    该分配已移除。请在此分配其他评审专家：
    { $url }

## Scores
review-scores-caption = 各评审专家的评分
review-col-reviewer = 评审专家
review-col-total = 加权总分
review-comment = 评语
review-earlier-scores = 采用评分细则之前的单项评分
review-your-scores = 您的评分（1 = 较弱，5 = 优秀）
review-score-choose = 请选择分数
review-error-score = 请选择 1 至 5 分。
review-blind-notice = 匿名评审：申请人的姓名、联系方式和文件名已隐藏。
review-blind-name = （已隐藏）

## Ranking
review-ranking-title = 排名
review-ranking-hint = 各评审专家加权总分的平均值（1–5）；离散度为最低分与最高分。
review-col-rank = 名次
review-col-assigned = 已分配评审专家
review-col-reviews = 已完成评审
review-col-mean = 平均分
review-col-min = 最低分
review-col-max = 最高分
review-col-declared = 已声明
review-col-done = 已完成

## More information
review-requested-documents = 要求补充的材料
review-requested-documents-hint = 选择“需要补充信息”时填写：每行一份材料。申请人将看到每份材料的上传栏。

## Batch decisions
review-col-select = 选择
review-select-one = 选择 { $reference }
review-batch-title = 对所选申请作出决定
review-batch-decision = 决定
review-batch-choose = 请选择决定
review-batch-preview = 预览通知信
review-error-decision = 请选择一项决定。
review-error-empty-batch = 请至少选择一份申请。
review-decide-title = 决定：{ $decision }
review-decide-intro = 每位申请人将以其语言收到以下通知信。目前尚未发送任何内容。
review-decide-skipped = 已跳过：此申请当前不能作出该决定（状态：{ $status }）。
review-decide-confirm = { $count ->
    [0] 记录决定（无通知信需发送）
   *[other] 记录决定并发送 { $n } 封通知信
}
review-host-post = { $institution }，{ $lab }
review-letter-accepted-subject = 申请 { $reference }：您已入选
review-letter-accepted-body =
    尊敬的 { $name }：

    我们很高兴地通知您，您向{ $call }提交的申请 { $reference } 已获通过。

    接收岗位：{ $post }

    接收单位将与您联系后续事宜。

    此致
    敬礼！
    中国—东盟技术转移中心（南宁）
review-letter-waitlisted-subject = 申请 { $reference }：候补名单
review-letter-waitlisted-body =
    尊敬的 { $name }：

    您向{ $call }提交的申请 { $reference } 已列入接收岗位“{ $post }”的候补名单。

    如有名额空出，我们将再与您联系。

    此致
    敬礼！
    中国—东盟技术转移中心（南宁）
review-letter-declined-subject = 申请 { $reference }：评审结果
review-letter-declined-body =
    尊敬的 { $name }：

    感谢您申请{ $call }。很遗憾地通知您，您的申请 { $reference } 本次未能入选。

    欢迎您今后再次申请。

    此致
    敬礼！
    中国—东盟技术转移中心（南宁）
review-fellow-period = 接收期 { $months } 个月，{ $year } 年度。

## Reminders
review-reminder-subject = 评审待完成：{ $reference }
review-reminder-body =
    { $name }，您好：

    您对申请 { $reference } 的评审尚未完成。评审截止日期为 { $deadline }。

    { $url }

    中国—东盟技术转移中心（南宁）

## Report
review-report-title = 项目报告：{ $call }
review-report-total = 共 { $n } 份申请
review-report-by-country = 按国家统计的申请
review-report-by-field = 按领域统计的申请
review-report-by-status = 按状态统计的申请
review-report-chart-desc = { $n } 份申请的条形图；下表列出相同的数字。
review-report-reviewers = 评审进度
review-report-reviewers-desc = 各评审专家已完成评审数的条形图；下表还列出分配和声明情况。
review-report-col-table = 表
review-report-col-code = 代码
review-report-col-name = 名称
review-report-col-count = 数量

## Letters per call
review-letters-title = 本批次的决定通知信
review-letters-hint = 两栏均留空则使用标准通知信。自定义文字中的 {"{"}name{"}"}、{"{"}reference{"}"}、{"{"}call{"}"} 和 {"{"}post{"}"} 将替换为申请人姓名、申请编号、批次名称和接收岗位。
review-letter-subject = 主题
review-letter-body = 正文
