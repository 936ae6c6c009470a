## 首页

home-title = 面向东盟的先进适用技术
home-description = 中国—东盟技术转移中心推动中国先进适用技术与东盟十一国合作伙伴对接。
home-heading = 为贵单位寻找适用技术
home-lead = 1000项中国先进适用技术，涵盖农业、能源、水资源、卫生健康、工业和城市建设等领域，面向东盟国家，并有专业人员助您引进落地。
home-search-label = 您在寻找什么？
home-search-placeholder = 例如：水稻、太阳能发电、水处理
home-figures-title = 中心数据
home-featured-title = 推荐技术
home-all-technologies = 全部技术
home-events-title = 近期活动
home-all-events = 全部活动
home-news-title = 最新动态
home-all-news = 全部新闻

figure-technologies = 项入库技术
figure-network_members = 家技术转移协作网络成员
figure-agreements = 份合作协议
figure-events = 场论坛、大赛等活动
figure-fellows = 名来桂青年科学家
figure-projects = 个对接项目
figure-companies_served = 家企业获得服务
figure-bilateral_mechanisms = 个政府间双边合作机制

## 关于我们

about-description = 中国—东盟技术转移中心、技术转移联盟与协作网络，以及与东盟国家的双边合作机制。
about-figures-title = 主要数据
about-network-title = 网络与合作伙伴

## 活动

events-title = 活动
events-description = 中国—东盟技术转移协作网络举办的论坛、大赛、训练营、培训和对接会。
events-lead = 在论坛、大赛、训练营、培训和对接会上结识技术提供方和合作伙伴。
events-filter-kind = 类型
events-upcoming = 即将举行
events-past = 往期活动
events-past-badge = 已结束
events-none-upcoming = 暂无即将举行的活动。
events-none-past = 没有符合条件的往期活动。
events-subscribe = 日历订阅地址（.ics），可用于 Google 日历或 Outlook
event-when-where = 时间和地点
event-starts = 开始时间
event-ends = 结束时间
event-time-zone = 时区
event-venue = 地点
event-register = 报名
event-registration-closed = 报名已截止。
event-add-calendar = 下载 .ics 文件（Apple 日历、Thunderbird 等）
event-news = 活动相关新闻

## 新闻

news-title = 新闻
news-description = 中国—东盟技术转移中心及其协作网络的新闻动态。
news-empty = 没有符合条件的新闻。
news-subscribe = 订阅新闻
news-related = 更多新闻
news-related-event = 相关活动

## 项目

programme-title = 东盟杰出青年科学家来华入桂工作计划
programme-description = 东盟国家青年科学家赴广西接收单位开展 6 至 12 个月的科研工作。
programme-lead = 本项目邀请东盟国家青年科研人员到广西的高校或科研院所工作 6 至 12 个月，与中方导师共同开展合作研究。
programme-offer-title = 项目支持
programme-offer-1 = 在广西接收单位从事 6 至 12 个月的科研工作
programme-offer-2 = 每月生活补助、住宿和医疗保险
programme-offer-3 = 合作研究项目科研经费
programme-offer-4 = 汉语及中国文化课程
programme-eligibility-title = 申请条件
programme-eligibility-1 = 具有东盟成员国国籍
programme-eligibility-2 = 截至申请截止日期未满 45 周岁
programme-eligibility-3 = 申请人须具有博士学位；仅具有硕士学位的，须有5年以上科研工作经历
programme-eligibility-4 = 能以英语或中文开展工作
programme-timeline = 申请时间安排
programme-opens = 申请开始
programme-closes = 申请截止
programme-decisions = 公布结果
programme-call-open-until = 现已开放申请，截止日期为 { $date }。
programme-call-opens-on = 申请尚未开放，将于 { $date } 开始。
programme-call-closed = 本期申请已截止。下一期申请通知将在本页面和新闻栏目发布。
programme-no-call = 目前暂无开放的申请。下一期申请通知将在本页面和新闻栏目发布。
programme-apply = 立即申请
programme-learn-more = 了解项目
programme-host-posts = 本期接收岗位
programme-fellows-title = 入选青年科学家
programme-all-fellows = 全部青年科学家
post-institution = 接收单位
post-lab = 实验室
post-field = 研究领域
post-supervisor = 合作导师
post-duration = 期限
post-months = { $n } 个月
status-title = 查询申请进度

## 青年科学家

fellows-title = 青年科学家名录
fellows-description = 通过本项目来桂开展科研工作的东盟国家青年科学家。
fellows-filter-country = 国家
fellows-filter-cohort = 年度
fellows-filter-field = 研究领域
fellows-count = { $n } 位青年科学家
fellows-empty = 没有符合筛选条件的青年科学家。
fellow-cohort = { $count }年度
fellow-cohort-label = 年度
fellow-country = 国家
fellow-field = 研究领域
fellow-home = 所在单位
fellow-host = 广西接收单位
fellow-bio = 简介

about-trl-title = 技术成熟度等级
about-trl-intro = 技术成果库中的每项技术都按九级技术成熟度（TRL）标明其成熟程度：从实验室验证的构想，到在日常运行中得到验证的系统。
event-when = 时间
event-where = 地点
event-add-to-calendar = 添加到日历
event-calendar-google = Google 日历
event-calendar-outlook = Outlook.com
event-calendar-office = Outlook（Microsoft 365）
events-subscribe-webcal = 在日历应用中订阅
