# Data masuk dan keluar: impor, ekspor, dan API (teks yang ditambahkan setelah admin.ftl).

data-import-kinds = Yang diimpor
data-import-what = Formulir ini mengimpor: { $what }.
