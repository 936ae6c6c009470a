## 受控词表：每个代码一条消息

field-agriculture = 农业
field-new_energy = 新能源
field-environment_water = 环境与水资源
field-health_biomedicine = 医疗健康与生物医药
field-digital_ict = 数字经济与信息通信技术
field-advanced_manufacturing = 先进制造
field-new_materials = 新材料
field-smart_city_transport = 智慧城市与交通
field-marine = 海洋

country-BN = 文莱
country-KH = 柬埔寨
country-ID = 印度尼西亚
country-LA = 老挝
country-MY = 马来西亚
country-MM = 缅甸
country-PH = 菲律宾
country-SG = 新加坡
country-TH = 泰国
country-VN = 越南
country-TL = 东帝汶
country-CN = 中国
country-XX = 其他国家

mode-licensing = 技术许可
mode-joint_venture = 合资经营
mode-technical_service = 技术服务
mode-equipment_supply = 设备供应
mode-joint_rnd = 联合研发

ip-patent_granted = 已授权专利
ip-patent_pending = 专利申请中
ip-know_how = 技术秘密
ip-open = 公开技术

trl-1 = 发现基本原理
trl-2 = 形成技术概念
trl-3 = 通过实验验证概念
trl-4 = 通过实验室验证
trl-5 = 通过相关环境验证
trl-6 = 在相关环境中演示
trl-7 = 原型在实际运行环境中演示
trl-8 = 系统完成并通过鉴定
trl-9 = 经实际运行验证

province-guangxi = 广西
province-guangdong = 广东
province-yunnan = 云南
province-guizhou = 贵州
province-hainan = 海南
province-fujian = 福建
province-zhejiang = 浙江
province-jiangsu = 江苏
province-shanghai = 上海
province-beijing = 北京
province-hubei = 湖北
province-hunan = 湖南
province-sichuan = 四川
province-shandong = 山东
province-chongqing = 重庆

event-kind-forum = 论坛
event-kind-competition = 大赛
event-kind-camp = 训练营
event-kind-training = 培训
event-kind-matchmaking = 对接会
event-kind-exhibition = 展览

member-kind-government_mechanism = 政府间双边机制
member-kind-working_group = 联合工作组
member-kind-alliance_member = 联盟成员
