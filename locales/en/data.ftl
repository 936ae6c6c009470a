# Data in and out: import, export and the API (strings added after admin.ftl).

data-import-kinds = What to import
data-import-what = This form imports: { $what }.
