## Pendaftaran: posisi tuan rumah, tautan status, draf, pemberi rekomendasi (programme-apply)

apply-host-post-option = { $institution } — { $lab } ({ $field }, { $months })
status-error-link = Tautan status ini tidak sah. Pastikan Anda menyalin seluruh tautan, atau cari pendaftaran Anda dengan nomor referensi dan alamat surel Anda.

apply-email-hint = Diperlukan untuk menyimpan draf: tautan untuk melanjutkan dikirim ke alamat ini.
apply-error-email-taken = Sudah ada pendaftaran untuk panggilan ini dengan alamat surel ini. Setiap orang hanya dapat mengajukan satu pendaftaran.
apply-email-taken-link = Periksa status pendaftaran Anda
apply-error-draft-email = Masukkan alamat surel yang sah untuk menyimpan draf: tautan untuk melanjutkan dikirim ke sana.
apply-error-draft-link = Tautan draf ini tidak sah, atau draf telah dihapus saat panggilan ditutup.
apply-save-draft = Simpan dan lanjutkan nanti
apply-save-draft-hint = Menyimpan isian dan berkas yang Anda lampirkan, lalu mengirimkan tautan untuk melanjutkan ke surel Anda. Hanya alamat surel yang diperlukan.
apply-file-kept = Tersimpan: { $filename }. Pilih berkas baru hanya jika ingin menggantinya.
apply-draft-saved-title = Draf Anda telah disimpan
apply-draft-saved-text = Kami telah mengirimkan tautan ke { $email }. Buka tautan itu untuk melanjutkan pendaftaran Anda dari bagian terakhir, beserta berkas yang telah Anda lampirkan.
apply-draft-saved-expiry = Draf dihapus beserta berkasnya saat panggilan ditutup.

apply-section-referees = Pemberi rekomendasi
apply-referees-hint = Sebutkan dua orang yang mengenal penelitian Anda. Masing-masing menerima surel, dalam bahasa yang Anda pilih untuknya, berisi tautan untuk mengunggah surat rekomendasi. Anda tidak akan melihat surat tersebut.
apply-referee-n = Pemberi rekomendasi { $n }
apply-referee-name = Nama lengkap pemberi rekomendasi
apply-referee-email = Alamat surel pemberi rekomendasi
apply-referee-institution = Institusi pemberi rekomendasi
apply-referee-lang = Bahasa surel untuk pemberi rekomendasi
apply-referee-lang-zh-CN = Bahasa Mandarin (简体中文)
apply-referee-lang-en = Bahasa Inggris (English)
apply-referee-lang-id = Bahasa Indonesia
apply-referee1_name = Pemberi rekomendasi 1: nama
apply-referee1_email = Pemberi rekomendasi 1: surel
apply-referee1_institution = Pemberi rekomendasi 1: institusi
apply-referee1_lang = Pemberi rekomendasi 1: bahasa
apply-referee2_name = Pemberi rekomendasi 2: nama
apply-referee2_email = Pemberi rekomendasi 2: surel
apply-referee2_institution = Pemberi rekomendasi 2: institusi
apply-referee2_lang = Pemberi rekomendasi 2: bahasa
apply-error-referee-name = Masukkan nama lengkap pemberi rekomendasi.
apply-error-referee-email = Masukkan alamat surel pemberi rekomendasi.
apply-error-referee-self = Pemberi rekomendasi tidak boleh Anda sendiri: masukkan alamat surel orang lain.
apply-error-referee-twice = Kedua pemberi rekomendasi harus orang yang berbeda dengan alamat surel yang berbeda.
apply-error-referee-institution = Masukkan institusi pemberi rekomendasi.
apply-error-referee-lang = Pilih bahasa surel untuk pemberi rekomendasi.

apply-amend-intro = Para penilai memerlukan informasi tambahan sebelum dapat melanjutkan. Perbaiki yang mereka minta di bawah ini dan kirimkan perubahan Anda; dokumen yang Anda kirim sebelumnya tetap disimpan kecuali Anda menggantinya.
apply-amend-message = Pesan dari penilai
apply-requested-document = Diminta: { $name }
apply-requested_1 = Dokumen yang diminta 1
apply-requested_2 = Dokumen yang diminta 2
apply-requested_3 = Dokumen yang diminta 3
apply-requested_4 = Dokumen yang diminta 4
apply-requested_5 = Dokumen yang diminta 5
apply-requested_6 = Dokumen yang diminta 6
apply-requested_7 = Dokumen yang diminta 7
apply-requested_8 = Dokumen yang diminta 8
apply-requested_9 = Dokumen yang diminta 9
document-referee_letter = Surat rekomendasi
document-requested_1 = Dokumen yang diminta 1
document-requested_2 = Dokumen yang diminta 2
document-requested_3 = Dokumen yang diminta 3
document-requested_4 = Dokumen yang diminta 4
document-requested_5 = Dokumen yang diminta 5
document-requested_6 = Dokumen yang diminta 6
document-requested_7 = Dokumen yang diminta 7
document-requested_8 = Dokumen yang diminta 8
document-requested_9 = Dokumen yang diminta 9

status-referees = Surat rekomendasi
status-letter-arrived = Surat sudah diterima
status-letter-waiting = Surat belum diterima
status-remind = Kirim pengingat ke { $name }
referee-reminder-sent = Pengingat telah dikirim ke { $name }.
referee-reminder-too-soon = Pengingat terakhir dikirim kurang dari seminggu yang lalu. Anda dapat mengirim pengingat berikutnya pada { $date }.
referee-reminder-not-needed = Surat dari pemberi rekomendasi ini sudah diterima: pengingat tidak diperlukan.
referee-error-position = Permintaan pengingat ini tidak sah.

referee-title = Surat rekomendasi
referee-intro = Yth. { $referee }, { $applicant } telah mendaftar pada Program Ilmuwan Muda Berbakat ASEAN di Guangxi dan menyebut Anda sebagai pemberi rekomendasi. Silakan unggah surat rekomendasi Anda dalam berkas PDF. Pendaftar tidak akan melihatnya.
referee-letter-at = Kami telah menerima surat Anda pada { $date }. Anda dapat menggantinya dengan mengunggah yang baru.
referee-letter = Surat rekomendasi (PDF)
referee-submit = Unggah surat
referee-received = Terima kasih: surat Anda telah kami terima.
referee-error-link = Tautan ini tidak sah. Pastikan Anda menyalin seluruh tautan dari surel.
referee-error-letter-required = Pilih surat Anda dalam berkas PDF.

mail-draft-subject = Lanjutkan pendaftaran Anda pada Program Ilmuwan Muda Berbakat ASEAN di Guangxi
mail-draft-body =
    Halo,

    Pendaftaran Anda telah disimpan sebagai draf, beserta berkas yang Anda lampirkan. Untuk melanjutkan dari bagian terakhir, buka tautan ini:

    { $link }

    Draf disimpan hingga panggilan ditutup pada { $date }, lalu dihapus beserta berkasnya.

    Hormat kami,
    Pusat Transfer Teknologi China-ASEAN, Nanning
mail-referee-subject = { $applicant } meminta surat rekomendasi dari Anda
mail-referee-body =
    Yth. { $referee },

    { $applicant } telah mendaftar pada Program Ilmuwan Muda Berbakat ASEAN di Guangxi dan menyebut Anda sebagai pemberi rekomendasi. Silakan unggah surat rekomendasi Anda (berkas PDF) di:

    { $link }

    Tidak perlu membuat akun. Pendaftar tidak akan melihat surat Anda.

    Hormat kami,
    Pusat Transfer Teknologi China-ASEAN, Nanning
mail-referee-reminder-subject = Pengingat: surat rekomendasi untuk { $applicant }
mail-referee-reminder-body =
    Yth. { $referee },

    { $applicant } meminta kami mengingatkan Anda tentang surat rekomendasi untuk pendaftarannya pada Program Ilmuwan Muda Berbakat ASEAN di Guangxi. Anda dapat mengunggahnya (berkas PDF) di:

    { $link }

    Hormat kami,
    Pusat Transfer Teknologi China-ASEAN, Nanning
