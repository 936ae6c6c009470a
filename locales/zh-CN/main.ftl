## 网站框架：页眉、导航、页脚、提示

site-name = 中国—东盟技术转移中心
site-tagline = { -brand }：中国—东盟技术转移服务平台
skip-to-content = 跳到主要内容
lang-switch-label = 语言
nav-label = 主导航
nav-home = 首页
nav-technologies = 技术成果
nav-needs = 技术需求
nav-events = 活动
nav-news = 新闻
nav-programme = 青年科学家
nav-about = 关于我们
breadcrumb-label = 当前位置
search-label = 全站搜索
search-placeholder = 技术、活动、新闻…
search-button = 搜索
footer-about-title = 关于中心
footer-about-text = 中国—东盟技术转移中心位于广西南宁，致力于推动中国成熟技术与东盟十一国的企业、高校和政府部门对接。
footer-links-title = 参与合作
footer-feeds-title = 关注我们
footer-copyright = © 中国—东盟技术转移中心（南宁）。转载请注明出处。
feed-news-title = 新闻（Atom 订阅源）
feed-events-title = 活动日历（iCalendar）

notice-fallback = 本页暂无中文版本，现显示{ $shown ->
        [en] 英文
        [id] 印度尼西亚文
       *[zh-CN] 中文
    }原文。
notice-outdated = 此译文可能已过时：原文在翻译后已有更新。
notice-demo = 演示内容：除2022年10月关于中心工作的新闻报道所述内容外，本网站上的机构、人物和活动均为虚构。

## 分页与筛选

pagination-label = 分页
pagination-prev = 上一页
pagination-next = 下一页
pagination-position = 第 { $position } 页
filter-any = 不限
filter-apply = 筛选
filter-year = 年份
filter-event = 活动

## 错误

error-not-found-title = 未找到页面
error-not-found-text = 找不到该页面，可能已被移动，或网址输入有误。
error-bad-request-title = 无法识别的请求
error-bad-request-text = 无法识别该请求，请检查网址后重试。
error-forbidden-title = 无权操作
error-csrf-text = 此表单来自其他网站或已过期。请返回并刷新页面后重试。
error-forbidden-text = 您没有执行此操作的权限。
error-too-many-title = 请求过于频繁
error-too-many-text = 您在短时间内发送的请求过多，请等待几分钟后重试。
error-too-large-title = 内容过大
error-too-large-text = 您提交的内容超出了允许的大小。
error-timeout-title = 请求超时
error-timeout-text = 请求传输时间过长。请检查网络连接后重试。
error-unavailable-title = 暂时无法访问
error-unavailable-text = 网站目前无法连接数据库，请稍后重试。
error-busy-text = 此刻登录的人较多，请几秒钟后再试。
error-internal-title = 出错了
error-internal-text = 服务器发生意外错误，我们已记录此问题，请稍后重试。
error-home-link = 返回首页

## 表单

form-required = 此项为必填项。
form-required-mark = （必填）
form-too-long = 内容过长。
form-too-long-n = 内容过长：最多 { $n } 个字符。
form-max-chars = 最多 { $n } 个字符。
form-choose = 请选择一个选项。
form-choose-option = 请选择…
form-email-invalid = 请输入有效的电子邮箱地址，例如 name@example.org。
form-consent-required = 请勾选同意，以便我们处理您的信息。
form-honeypot = 请勿填写此项
form-error-summary = 表单中有 { $n } 处错误
# One line of an error summary: the field's name and what is wrong.
form-error-item = { $field }：{ $message }
# 地点与所在国家：由大到小，“中国广西”。
place-in-country = { $country }{ $place }
# 列表中的机构及其国家。
org-in-country = { $organisation }（{ $country }）
# 页面标题及其对象。
heading-about = { $title }：{ $subject }
# 带括号说明的文字：全角括号。
text-with-aside = { $text }（{ $aside }）
# 列表各项之间的分隔符：顿号。
list-separator = { "、" }
# 技术成熟度等级及其名称：破折号前后不留空格。
trl-named = { $level }——{ $name }

## 格式

fmt-date = { $year }年{ $month }月{ $day }日
fmt-date-time = { $date } { $time }
fmt-time = { $h }:{ $m }
fmt-kilobytes = { $n } KB
fmt-group-separator = { "," }
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

## 账户

password-too-short = 密码长度至少为 12 个字符。
password-too-common = 此密码过于常见或容易被猜到，请另选一个。

## Time zones named in the page's language (events show times in their own zone).
fmt-time-span-day = { $date } { $from }～{ $to }
fmt-time-span = { $from } 至 { $to }
fmt-zone = { $zone }（UTC{ $offset }）
zone-Asia-Shanghai = 北京时间
zone-Asia-Chongqing = 北京时间
zone-Asia-Hong_Kong = 香港时间
zone-Asia-Jakarta = 印度尼西亚西部时间
zone-Asia-Pontianak = 印度尼西亚西部时间
zone-Asia-Makassar = 印度尼西亚中部时间
zone-Asia-Jayapura = 印度尼西亚东部时间
zone-Asia-Bangkok = 印度支那时间（曼谷）
zone-Asia-Ho_Chi_Minh = 印度支那时间（胡志明市）
zone-Asia-Phnom_Penh = 印度支那时间（金边）
zone-Asia-Vientiane = 印度支那时间（万象）
zone-Asia-Kuala_Lumpur = 马来西亚时间
zone-Asia-Kuching = 马来西亚时间
zone-Asia-Singapore = 新加坡时间
zone-Asia-Manila = 菲律宾时间
zone-Asia-Yangon = 缅甸时间
zone-Asia-Brunei = 文莱时间
zone-Asia-Dili = 东帝汶时间
zone-UTC = 协调世界时
zone-Etc-UTC = 协调世界时

## The privacy notice, linked from the footer and every form.
privacy-link = 隐私声明
privacy-description = TechBridge从咨询、需求、对接意向和申请中保存哪些信息、用途、保存多久，以及如何要求删除。
form-privacy-hint = 您提交的信息仅用于本次请求。
form-privacy-link = 我们保存什么、保存多久

## On a card whose text is in another language than the page.
card-in-language = { $shown }原文
