## 技术成果库

catalog-title = 技术成果库
catalog-description = 面向东盟国家合作伙伴的中国先进适用技术：检索、筛选并联系技术提供方。
catalog-lead = 可向东盟国家转移的先进适用技术。支持中文、英文和印尼文检索。
catalog-search-label = 搜索技术
catalog-search-placeholder = 例如：水稻、太阳能、水处理
catalog-filters-title = 筛选
catalog-filter-field = 技术领域
catalog-filter-country = 目标国家
catalog-filter-mode = 合作方式
catalog-filter-ip = 知识产权
catalog-filter-trl = 技术成熟度（TRL）
catalog-trl-from = 从
catalog-trl-to = 至
catalog-trl-help = 技术成熟度等级说明
catalog-trl-short = TRL
catalog-apply = 筛选
catalog-sort-label = 排序方式
catalog-per-page-label = 每页
catalog-sort-apply = 应用
catalog-sort-relevance = 相关度
catalog-sort-newest = 最新
catalog-sort-title = 标题
catalog-result-count = { $n } 项技术
catalog-active-filters = 已选条件
catalog-remove-filter = 移除此筛选条件
catalog-clear-all = 全部清除
catalog-chip-words = 关键词：“{ $words }”
catalog-empty-title = 没有符合条件的技术
catalog-empty-text = 请减少关键词或使用更宽泛的词语，或移除某个筛选条件。
catalog-suggest-clear-filters = 在所有领域和国家中搜索
catalog-suggest-clear-words = 保留筛选条件，清除关键词
catalog-suggest-site-search = 改为搜索新闻、活动和技术需求
catalog-empty-post-need = 未找到合适技术？欢迎发布技术需求。

## 技术详情页

trl-short = TRL
tech-description = 技术简介
tech-scenarios = 应用场景
tech-facts = 基本信息
tech-provider = 技术提供方
tech-maturity = 技术成熟度
tech-ip = 知识产权
tech-modes = 合作方式
tech-target-countries = 目标国家
tech-contact = 联系方式
tech-website = 网站
tech-published = 发布日期
tech-related = 相关技术
tech-matching-needs = 此技术可满足的需求

## 咨询

inquiry-cta = 发送咨询
inquiry-title = 向技术提供方咨询此项技术
inquiry-intro = 中心将把您的咨询转交技术提供方并跟进，我们将在五个工作日内答复。
inquiry-name = 姓名
inquiry-organisation = 单位
inquiry-country = 国家
inquiry-email = 电子邮箱
inquiry-message = 咨询内容
inquiry-message-hint = 您希望了解或开展哪些合作？例如：预期规模、所在地点、时间安排。
inquiry-message-short = 请至少填写 20 个字，以便技术提供方有针对性地答复。
inquiry-consent = 我同意中心保存我的咨询，并将其提供给该技术的提供方。
inquiry-submit = 发送咨询
inquiry-sent-title = 咨询已提交，感谢您的关注
inquiry-sent-text = 我们已收到您关于“{ $title }”的咨询，将转交技术提供方。我们会通过电子邮件与您联系。
inquiry-sent-back = 返回技术详情

## 技术需求

needs-title = 技术需求
needs-description = 东盟国家机构正在寻找的技术，每项需求均与技术成果库中的技术进行匹配。
needs-lead = 东盟国家机构发布所需技术，我们将每项需求与技术成果库进行匹配。
needs-count = { $n } 项需求
needs-empty = 没有符合筛选条件的需求。
need-new-title = 发布技术需求
need-new-lead = 请描述贵单位正在寻找的技术。每项需求均经编辑审核后发布，通常需两个工作日。
need-title = 标题
need-description = 需求描述
need-description-hint = 需要解决的问题、规模、限制条件以及希望的合作方式。
need-description-short = 请用至少 40 个字描述需求。
need-field = 技术领域
need-country = 国家
need-organisation = 单位
need-contact_name = 联系人
need-contact_email = 联系邮箱
need-consent = 我同意中心保存此需求、经审核后予以发布，并将我的联系方式提供给匹配的技术提供方。
need-submit = 提交审核
need-submitted-title = 感谢您，需求已收到
need-submitted-text = 编辑将审核并发布您的需求，通常需两个工作日。如有疑问，我们会通过电子邮件与您联系。
need-matching-technologies = 可满足此需求的技术
need-no-matches = 暂无匹配的技术，我们的编辑将为您寻找技术提供方。
need-contact-note = 如需与该机构取得联系，请就任一匹配技术发送咨询，或直接联系中心。

## 站内搜索

search-title = 搜索
search-result-count = { $n } 条结果
search-empty-title = 未找到相关内容
search-empty-text = 请尝试其他关键词，或换一种语言搜索：所有页面均以中文、英文和印尼文建立索引。
search-more-technologies = 查看技术成果库中所有匹配的技术
search-more-needs = 查看所有匹配的技术需求
search-more-events = 查看所有匹配的活动
search-more-news = 查看所有匹配的新闻
search-more-fellows = 查看所有匹配的青年科学家
search-all-kinds = 返回全部类别的结果
search-kind-technologies = 技术
search-kind-needs = 技术需求
search-kind-events = 活动
search-kind-news = 新闻
search-kind-fellows = 青年科学家
catalog-partial = 没有技术同时包含“{ $words }”中的所有词语，以下显示包含其中大部分词语的结果。
catalog-did-you-mean = 您是不是要找
catalog-page-title = { $searched ->
        [yes] “{ $words }” – 技术
       *[no] 技术
    }{ $filters ->
        [0] {""}
       *[other] {"，"}{ $filters } 项筛选
    }{ $page ->
        [1] {""}
       *[other] {"，"}第 { $page } 页
    }
catalog-filters-summary = { $count ->
        [0] 筛选
       *[other] 筛选（已选 { $count } 项）
    }
catalog-page-past-end = 没有第 { $asked } 页：这是最后一页，第 { $page } 页。

## What each form says when a field is missing or wrong.
inquiry-error-name = 请填写您的姓名，让技术提供方知道是谁在咨询。
inquiry-error-organisation = 请填写您的企业或机构名称。
inquiry-error-country = 请选择您的单位所在国家。
inquiry-error-email = 请填写电子邮箱：技术提供方的答复将发送到这里。
inquiry-error-message = 请写下您想了解的内容，或您希望如何应用这项技术。
inquiry-error-consent = 请勾选此项，以便我们将您的咨询转给技术提供方。
need-error-title = 请为需求起一个简短的标题，例如“渔获冷藏保鲜”。
need-error-description = 请描述要解决的问题、地点和规模。
need-error-field = 请选择需求所属的领域。
need-error-country = 请选择需要该技术的国家。
need-error-organisation = 请填写您的企业或机构名称。
need-error-contact-name = 请填写技术提供方可以联系的人员姓名。
need-error-contact-email = 请填写接收技术提供方对接意向的电子邮箱。
need-error-consent = 请勾选此项，以便我们发布您的需求并向您转达对接意向。

## A search longer than the longest there is: its start was searched.
search-shortened = 只使用了您搜索内容的前 { $n } 个字符。
