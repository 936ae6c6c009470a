## 管理后台：框架与导航

admin-title = TechBridge 管理后台
admin-nav-label = 管理后台
admin-nav-dashboard = 工作台
admin-nav-technologies = 技术成果
admin-nav-needs = 技术需求
admin-nav-inquiries = 咨询
admin-nav-events = 活动
admin-nav-news = 新闻
admin-nav-fellows = 青年科学家
admin-nav-calls = 申请批次
admin-nav-posts = 接收岗位
admin-nav-applications = 申请
admin-nav-members = 网络成员
admin-nav-pages = 页面
admin-nav-media = 媒体库
admin-nav-translations = 翻译
admin-nav-editors = 账户
admin-nav-audit = 操作日志
admin-nav-outbox = 待发邮件
admin-logout = 退出登录
admin-role-admin = 管理员
admin-role-editor = 编辑
admin-role-reviewer = 评审专家

admin-flash-saved = 已保存。
admin-flash-deleted = 已删除。
admin-flash-published = 已发布。
admin-flash-unpublished = 已取消发布。
admin-flash-approved = 已通过审核。
admin-flash-rejected = 已拒绝。
admin-flash-uploaded = 图片已上传。
admin-flash-logged-out = 您已退出登录。
admin-flash-pw-changed = 密码已修改。
admin-flash-created = 账户已创建。
admin-flash-disabled = 账户已停用，其所有登录会话已结束。
admin-flash-enabled = 账户已启用。
admin-flash-reviewed = 已标记为已核对。
admin-flash-changed = 状态已更改。
admin-flash-reply-saved = 已保存。
admin-flash-erased = 申请人的数据已删除。
admin-flash-conflict = 在此期间已有他人更改了该申请的状态，本次未作任何更改。当前状态见下方。
admin-flash-in-use = 仍有申请引用此项，无法删除。请改为取消发布，或先删除这些申请。

## 登录与账户

admin-login-title = 登录管理后台
admin-login-email = 电子邮箱
admin-login-password = 密码
admin-login-submit = 登录
admin-login-failed = 电子邮箱或密码不正确。
admin-account-title = 我的账户
admin-change-password = 修改密码
admin-current-password = 当前密码
admin-new-password = 新密码
admin-initial-password = 初始密码
admin-hint-password = 至少 12 个字符，请勿使用常见密码。
admin-field-ui-lang = 后台界面语言
admin-new-editor = 新建账户
admin-create-account = 创建账户
admin-reset-password = 设置密码
admin-disable = 停用
admin-enable = 启用
admin-account-active = 已启用
admin-account-disabled = 已停用
admin-error-email-taken = 已存在使用此电子邮箱的账户。
admin-error-own-account = 不能对自己的账户执行此操作。
admin-error-wrong-password = 当前密码不正确。
error-session-expired = 您的登录已过期，请重新登录。

## 工作台

admin-tile-new-inquiries = 条新咨询
admin-tile-pending-needs = 项技术需求待审核
admin-tile-expiring = 条信息已过期或将在 30 天内过期
admin-tile-new-applications = 份新申请
admin-tile-outbox = 封邮件尚未发送
admin-translations-summary = 翻译
admin-translations-open = 查看待翻译内容
admin-recent-activity = 最近操作
admin-col-language = 语言

## 列表

admin-new = 新建
admin-search = 搜索标题
admin-count = 共 { $n } 项
admin-col-title = 标题
admin-col-translations = 翻译
admin-col-links = 链接
admin-col-field = 领域
admin-col-trl = TRL
admin-col-country = 国家
admin-col-organisation = 单位
admin-col-kind = 类型
admin-col-starts = 开始时间
admin-col-published = 发布时间
admin-col-name = 姓名
admin-col-cohort = 年度
admin-col-closes = 截止时间
admin-col-supervisor = 合作导师
admin-col-key = 标识
admin-col-received = 收到时间
admin-col-from = 发件人
admin-col-technology = 技术成果
admin-col-when = 时间
admin-col-who = 操作人
admin-col-action = 操作
admin-col-what = 对象
admin-col-detail = 详情
admin-view-public = 在网站上查看
admin-untitled = （无标题）
admin-back-to-list = 返回列表
admin-back-to-dashboard = 返回工作台

admin-state-draft = 草稿
admin-state-scheduled = 定时发布
admin-state-published = 已发布
admin-state-expired = 已过期
admin-state-pending = 待审核
admin-state-rejected = 已拒绝

admin-status-draft = 草稿
admin-status-published = 已发布
admin-status-pending = 待审核
admin-status-rejected = 已拒绝
admin-status-missing = 缺失
admin-status-up-to-date = 已是最新
admin-status-outdated = 原文已更新
# A language tab's badge once its text has been typed into, before saving.
admin-status-unsaved = 已修改，尚未保存

## 编辑表单

admin-new-heading = 新建{ $item }
admin-edit-heading = 编辑{ $item }
admin-item-technology = 技术成果
admin-item-need = 技术需求
admin-item-event = 活动
admin-item-news = 新闻
admin-item-fellow = 青年科学家
admin-item-call = 申请批次
admin-item-post = 接收岗位
admin-item-member = 网络成员
admin-item-page = 页面
admin-shared-fields = 基本信息
admin-texts = 各语言文本
admin-source = 原文
admin-mark-reviewed = 此译文已根据当前原文核对
admin-save = 保存
admin-preview = 预览
admin-actions = 操作
admin-delete = 删除
admin-hint-markdown = Markdown 格式：## 标题、**粗体**、- 列表项、[链接](https://…)。
admin-hint-source-lang = 文本最初撰写所用的语言，其他语言均为其译文。
admin-hint-slug = 页面的网址。留空时根据英文标题自动生成；标题修改后网址不变。
admin-hint-publish-at = 南宁时间（UTC+8）。留空表示立即发布；填写将来的时间则定时发布。
admin-hint-expires-at = 南宁时间（UTC+8）。到期后该信息将从网站下线，并在此处等待续期。
admin-hint-trl = 1（发现基本原理）至 9（经实际运行验证）。
admin-hint-images = 请先在“媒体库”中上传图片。
admin-hint-timezone = IANA 时区名称，例如 Asia/Shanghai、Asia/Jakarta、Asia/Bangkok。
admin-hint-event-time = 活动举办地的当地时间，按上方所选时区填写。
admin-hint-centre-time = 南宁时间（UTC+8）。
admin-error-ends-before-starts = 结束时间不能早于开始时间。
admin-error-closes-before-opens = 申请截止时间必须晚于开始时间。

admin-field-status = 状态
admin-field-publish-at = 发布时间
admin-field-expires-at = 到期时间
admin-field-source-lang = 原文语言
# A text field of one language in the error summary: "Summary (Bahasa Indonesia)".
admin-field-in-language = { $field }（{ $language }）
admin-field-slug = 网址（slug）
admin-field-field = 技术领域
admin-field-trl = 技术成熟度（TRL）
admin-field-ip = 知识产权
admin-field-modes = 合作方式
admin-field-countries = 目标国家
admin-field-province = 提供方所在省份
admin-field-contact-name = 联系人
admin-field-contact-email = 联系邮箱
admin-field-contact-phone = 联系电话
admin-field-website = 网站
admin-field-images = 图片
admin-field-featured = 在首页推荐
admin-field-title = 标题
admin-field-summary = 摘要
admin-field-description = 描述
admin-field-scenarios = 应用场景
admin-field-provider = 技术提供方
admin-field-country = 国家
admin-field-organisation = 单位
admin-field-kind = 类型
admin-field-timezone = 时区
admin-field-starts-at = 开始时间
admin-field-ends-at = 结束时间
admin-field-registration-url = 报名链接
admin-field-registration-closes = 报名截止时间
admin-field-cover = 封面图片
admin-field-body = 正文
admin-field-venue = 地点
admin-field-city = 城市
admin-field-event = 相关活动
admin-field-name-latin = 姓名（拉丁字母）
admin-field-name-zh = 中文姓名
admin-field-cohort = 年度
admin-field-photo = 照片
admin-field-research = 研究课题
admin-field-home-institution = 所在单位
admin-field-host-institution = 广西接收单位
admin-field-bio = 简介
admin-field-opens-at = 申请开始
admin-field-closes-at = 申请截止
admin-field-decisions-at = 公布结果
admin-field-call = 申请批次
admin-field-supervisor = 合作导师
admin-field-duration = 期限（月）
admin-field-position = 排序
admin-field-institution = 接收单位
admin-field-lab = 实验室
admin-field-member-kind = 成员类型
admin-field-member-name = 名称
admin-field-page-key = 页面标识
admin-field-role = 角色

form-choose-one-or-more = 请至少选择一项。
form-number-range = 请输入允许范围内的数字。
form-datetime-invalid = 请输入日期和时间。
form-date-invalid = 请输入日期。
form-timezone-invalid = 请输入时区名称，例如 Asia/Shanghai。
form-url-invalid = 请输入以 https:// 开头的网址。
form-slug-invalid = 只能使用小写字母、数字和连字符。
form-slug-taken = 此网址已被其他条目使用。

## 媒体库

media-upload-title = 上传图片
media-file = 图片文件（JPEG、PNG 或 WebP）
media-file-hint = 不超过 { $n } MB。较大的图片会自动缩放以适应网站显示。
media-alt = 替代文本
media-alt-required = 请至少用一种语言描述图片内容，供无法看到图片的用户使用。
media-library = 媒体库
media-upload = 上传
media-not-image = 此文件不是 JPEG、PNG 或 WebP 图片。
media-too-large = 此文件超过 { $n } MB。
media-too-big-dimensions = 图片过大，无法处理：每边最多 8000 像素，总计不超过 2400 万像素（渐进式 JPEG 约 1100 万像素，WebP 约 1300 万像素）。
media-save-failed = 图片暂时无法保存（数据库繁忙）。请重新选择文件并上传；您填写的说明文字已保留。
admin-save-failed-text = 数据库繁忙，您的修改暂时未能保存。内容没有丢失，仍在下方表单中，请稍后再次保存。
admin-save-failed-title = 尚未保存
admin-conflict-someone = 另一位编辑
admin-conflict-unchecked = 未勾选
admin-conflict-checked = 已勾选
admin-conflict-empty = （空）
admin-conflict-theirs = 对方保存的内容：
admin-conflict-help = 每个有差异的字段下方都显示了对方保存的内容。请保留需要的部分后再次保存，届时表单中的内容将替换对方的版本。
admin-conflict-text = { $who } 在您打开之后，于 { $when } 保存了这条{ $item }。您的修改尚未保存，仍保留在下方表单中。
admin-conflict-title = 在您编辑期间，已有其他人保存了此内容
media-busy = 其他图片正在处理中。请稍后重新选择文件并上传；您填写的说明文字已保留。

## 咨询

admin-inquiry-title = 咨询
admin-inquiry-reply = 已发送的回复
admin-inquiry-reply-hint = 请记录答复内容，方便同事查看。保存回复后，该咨询将标记为“已答复”。
admin-inquiry-replied = 回复记录时间：
inquiry-status-new = 新咨询
inquiry-status-answered = 已答复
inquiry-status-closed = 已关闭

## 设置与翻译

admin-settings-title = 主要数据
admin-settings-intro = 在首页和“关于我们”页面显示、无法根据本系统记录统计得出的数据。
admin-settings-item = 设置页
admin-translations-intro = 所有条目在各语言中的翻译状态：缺失、已是最新，或原文在翻译后已有更新。
admin-translations-to-do = 待翻译
media-item = 图片
admin-vocabulary-title = 搜索词表
admin-vocabulary-intro = 三种语言中含义相同的词语。搜索某组中的任一词语时，也会找到包含该组其他词语的技术，排在包含该词语本身的技术之后。
admin-vocabulary-groups = 相关词组
admin-vocabulary-add = 添加词组
admin-vocabulary-edit = 编辑
admin-vocabulary-field = 领域
admin-vocabulary-words-en = 英文词语
admin-vocabulary-words-id = 印尼文词语
admin-vocabulary-words-zh = 中文词语
admin-vocabulary-words-hint = 用逗号分隔词语或短语，填写其基本形式。
admin-vocabulary-two-words = 每个词组总共至少需要两个词语。
admin-vocabulary-too-many = 每种语言最多 { $n } 个词语。
form-year-invalid = 请输入 2000 至 2100 之间的四位数年份。
admin-search-too-long = 搜索内容最多 { $n } 个字符。

## Demo content notice
admin-demo-notice-title = 演示内容提示
admin-demo-notice-on = 所有公开页面均提示其显示的是演示内容。中心的正式内容录入后，请移除此提示。
admin-demo-notice-off = 提示已移除：公开页面不再提示显示的是演示内容。
admin-demo-notice-remove = 移除提示
admin-demo-notice-restore = 重新显示提示

## 列表导出
admin-export-csv = 导出 CSV
admin-export-xlsx = 导出 XLSX
admin-col-id = 编号
admin-col-updated = 最后修改
admin-col-public-url = 公开页面
admin-col-message = 留言内容
admin-col-reply = 回复
admin-col-replied = 回复时间
admin-col-origin = 来源
admin-col-asker-email = 询问方电子邮箱
admin-col-answerer-email = 答复方电子邮箱
admin-col-opened = 创建时间
admin-col-forwarded = 转交时间
admin-col-answered = 答复时间
admin-col-value = 金额
admin-col-reviews = 评审次数

## 表格导入
admin-nav-import = 批量导入
admin-import-title = 批量导入技术成果
admin-import-upload-title = 上传表格
admin-import-intro = 每行一项技术，每个字段和语言各占一列。系统先进行试导入：列出全部问题，不做任何修改。已导入过的提供方编号会更新对应的技术成果，而不会重复添加。
admin-import-file = 表格文件（CSV 或 XLSX）
admin-import-file-hint = 最大 { $n } MB。建议从模板开始：模板包含全部列、一行示例和允许的取值。
admin-import-dry-run = 检查文件（试导入）
admin-import-template-xlsx = 下载模板（XLSX）
admin-import-template-csv = 下载模板（CSV）
admin-import-ready-title = 可以导入
admin-import-ready = 新增 { $new } 项，更新 { $changed } 项
admin-import-run = 立即导入
admin-import-done = 导入完成：新增 { $new } 项，更新 { $changed } 项。
admin-import-problems = 发现 { $n } 个问题
admin-import-nothing-changed = 未导入任何内容。请修改文件后重新上传。
admin-import-col-row = 行
admin-import-col-column = 列
admin-import-col-problem = 问题
admin-import-col-code = 代码
admin-import-values-sheet = 允许的取值
admin-import-yes = 是
admin-import-no = 否
import-too-large = 文件超过 { $n } MB。
import-not-spreadsheet = 该文件不是表格：请上传 CSV 文件（UTF-8 编码）或 Excel 工作簿（.xlsx）。
import-empty = 文件为空。
import-too-many-rows = 文件超过 { $value } 行，请拆分为较小的文件。
import-formulas = 单元格 { $value } 含有公式。请将公式替换为数值后重新上传。
import-merged = 单元格 { $value } 属于合并单元格。请取消所有合并后重新上传。
import-unknown-column = 未知的列“{ $value }”。请使用模板中的列名。
import-repeated-column = 列“{ $value }”出现了两次。
import-missing-columns = 缺少必需的列：{ $value }。
import-unknown-value = “{ $value }”不是允许的取值（参见模板中的取值表）。
import-yes-no = “{ $value }”不是“是”或“否”。
import-repeated-ref = 该提供方编号已在第 { $value } 行使用。
import-expired = 上传的文件已不再保留，请重新上传。
import-failed = 导入未能保存，未做任何修改。请重试。
