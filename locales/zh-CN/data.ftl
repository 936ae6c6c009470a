# 数据导入导出：导入、导出与 API（admin.ftl 之后新增的文字）。

data-import-kinds = 导入内容
data-import-what = 本表单导入的内容：{ $what }。
