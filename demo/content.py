"""The believable content of the Tân Cương demo site (texts only; demo.services creates the pages)."""
# ruff: noqa: E501  (Vietnamese sentences read better unbroken)

import datetime

D = datetime.date

INTRO_PAGES = [
    # slug, parent slug (None: under home), title, intro, paragraphs
    (
        "gioi-thieu",
        None,
        "Giới thiệu",
        "Xã Tân Cương, thành phố Thái Nguyên — vùng chè đặc sản nổi tiếng cả nước.",
        [
            "Xã Tân Cương nằm ở phía tây thành phố Thái Nguyên, có diện tích tự nhiên khoảng 18 km² "
            "với 18 xóm và hơn 6.000 nhân khẩu.",
            "Chè Tân Cương là sản phẩm chỉ dẫn địa lý, gắn với đời sống văn hoá và kinh tế của người dân; "
            "du lịch sinh thái và trải nghiệm làng nghề chè đang phát triển mạnh.",
        ],
    ),
    (
        "co-cau-to-chuc",
        "gioi-thieu",
        "Cơ cấu tổ chức",
        "Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân và các đoàn thể chính trị – xã hội của xã.",
        [
            "Ủy ban nhân dân xã gồm Chủ tịch, các Phó Chủ tịch và các công chức chuyên môn: Văn phòng – "
            "Thống kê, Địa chính – Xây dựng, Tài chính – Kế toán, Tư pháp – Hộ tịch, Văn hoá – Xã hội.",
            "Ban biên tập Trang thông tin điện tử xã do Chủ tịch UBND xã làm Trưởng ban.",
        ],
    ),
    (
        "lien-he",
        None,
        "Liên hệ",
        "Địa chỉ, điện thoại và thư điện tử của Ủy ban nhân dân xã Tân Cương.",
        [
            "Ủy ban nhân dân xã Tân Cương, xóm Nam Đồng, xã Tân Cương, thành phố Thái Nguyên, tỉnh Thái Nguyên.",
            "Điện thoại: 0208 3 123 456 — Thư điện tử: ubndtancuong@thainguyen.gov.vn.",
        ],
    ),
]

# Vietnamese source string → English, for the pages that Điều 7 khoản 2 requires in English.
ENGLISH = {
    "Giới thiệu": "Introduction",
    "gioi-thieu": "introduction",
    "Xã Tân Cương, thành phố Thái Nguyên — vùng chè đặc sản nổi tiếng cả nước.": (
        "Tan Cuong commune, Thai Nguyen city — the country's renowned speciality tea region."
    ),
    "Xã Tân Cương nằm ở phía tây thành phố Thái Nguyên, có diện tích tự nhiên khoảng 18 km² "
    "với 18 xóm và hơn 6.000 nhân khẩu.": (
        "Tan Cuong commune lies west of Thai Nguyen city. It covers about 18 km² with 18 hamlets "
        "and more than 6,000 inhabitants."
    ),
    "Chè Tân Cương là sản phẩm chỉ dẫn địa lý, gắn với đời sống văn hoá và kinh tế của người dân; "
    "du lịch sinh thái và trải nghiệm làng nghề chè đang phát triển mạnh.": (
        "Tan Cuong tea carries a geographical indication and shapes the culture and economy of the "
        "commune; eco-tourism and tea-village experiences are growing fast."
    ),
    "Cơ cấu tổ chức": "Organisation",
    "co-cau-to-chuc": "organisation",
    "Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân và các đoàn thể chính trị – xã hội của xã.": (
        "The Party Committee, People's Council, People's Committee and the commune's mass organisations."
    ),
    "Ủy ban nhân dân xã gồm Chủ tịch, các Phó Chủ tịch và các công chức chuyên môn: Văn phòng – "
    "Thống kê, Địa chính – Xây dựng, Tài chính – Kế toán, Tư pháp – Hộ tịch, Văn hoá – Xã hội.": (
        "The People's Committee consists of the Chairman, the Vice-Chairmen and the officials for the "
        "office and statistics, land and construction, finance, justice and civil status, and culture "
        "and society."
    ),
    "Ban biên tập Trang thông tin điện tử xã do Chủ tịch UBND xã làm Trưởng ban.": (
        "The Chairman of the People's Committee heads the Editorial Board of the commune's portal."
    ),
    "Liên hệ": "Contact",
    "lien-he": "contact",
    "Địa chỉ, điện thoại và thư điện tử của Ủy ban nhân dân xã Tân Cương.": (
        "Address, phone and e-mail of the People's Committee of Tan Cuong commune."
    ),
    "Ủy ban nhân dân xã Tân Cương, xóm Nam Đồng, xã Tân Cương, thành phố Thái Nguyên, tỉnh Thái Nguyên.": (
        "People's Committee of Tan Cuong commune, Nam Dong hamlet, Tan Cuong, Thai Nguyen city, Thai Nguyen province."
    ),
    "Điện thoại: 0208 3 123 456 — Thư điện tử: ubndtancuong@thainguyen.gov.vn.": (
        "Phone: +84 208 3 123 456 — E-mail: ubndtancuong@thainguyen.gov.vn."
    ),
}

NEWS = [
    # slug, title, category, event date, tags, source, summary, paragraph
    (
        "hoi-nghi-tong-ket-cong-tac-nam-2024",
        "Hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025",
        "hoi-nghi",
        D(2025, 1, 10),
        ["tổng kết", "kinh tế – xã hội"],
        "",
        "UBND xã Tân Cương tổ chức hội nghị tổng kết, đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội.",
        "Năm 2024, tổng giá trị sản xuất trên địa bàn xã tăng 8,5%; thu nhập bình quân đầu người đạt 78 triệu đồng.",
    ),
    (
        "le-hoi-tra-tan-cuong-2025",
        "Khai mạc Lễ hội Trà Tân Cương năm 2025",
        "su-kien",
        D(2025, 3, 8),
        ["chè Tân Cương", "du lịch"],
        "",
        "Lễ hội Trà thu hút hàng nghìn du khách đến tham quan các đồi chè và trải nghiệm sao chè thủ công.",
        "Các hợp tác xã chè giới thiệu sản phẩm OCOP, tổ chức thi sao chè tay và pha trà nghệ thuật.",
    ),
    (
        "ra-quan-ve-sinh-moi-truong",
        "Ra quân tổng vệ sinh môi trường, hưởng ứng Ngày Chủ nhật xanh",
        "su-kien",
        D(2025, 3, 16),
        ["môi trường"],
        "",
        "Hơn 500 đoàn viên, hội viên và nhân dân các xóm tham gia thu gom rác thải, phát quang đường làng.",
        "Đợt ra quân thu gom hơn 3 tấn rác thải, trồng mới 400 cây xanh dọc các tuyến đường liên xóm.",
    ),
    (
        "so-lieu-san-xuat-che-quy-1-2025",
        "Số liệu sản xuất chè quý I năm 2025",
        "thong-ke",
        D(2025, 4, 2),
        ["chè Tân Cương", "thống kê"],
        "",
        "Diện tích chè cho sản phẩm đạt 520 ha, sản lượng chè búp tươi quý I ước đạt 1.450 tấn.",
        "Tỷ lệ diện tích chè sản xuất theo tiêu chuẩn VietGAP đạt 62%, tăng 5% so với cùng kỳ.",
    ),
    (
        "tap-huan-chuyen-doi-so-cho-nguoi-dan",
        "Tập huấn kỹ năng số cho người dân và tổ công nghệ số cộng đồng",
        "su-kien",
        D(2025, 4, 15),
        ["chuyển đổi số"],
        "",
        "Người dân được hướng dẫn cài đặt ứng dụng VNeID, nộp hồ sơ dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.",
        "Sau tập huấn, tổ công nghệ số cộng đồng sẽ hỗ trợ người dân tại nhà văn hoá các xóm mỗi tối thứ Năm.",
    ),
    (
        "hoi-nghi-tiep-xuc-cu-tri",
        "Hội nghị tiếp xúc cử tri trước kỳ họp thứ 9 Hội đồng nhân dân xã",
        "hoi-nghi",
        D(2025, 5, 20),
        ["cử tri", "Hội đồng nhân dân"],
        "",
        "Cử tri kiến nghị về nâng cấp đường giao thông nội đồng, hỗ trợ tiêu thụ chè và cấp giấy chứng nhận quyền sử dụng đất.",
        "Lãnh đạo UBND xã đã tiếp thu, giải trình và giao các bộ phận chuyên môn xử lý trong thời hạn quy định.",
    ),
    (
        "ket-qua-thu-ngan-sach-6-thang",
        "Kết quả thu ngân sách nhà nước 6 tháng đầu năm 2025",
        "thong-ke",
        D(2025, 7, 3),
        ["thống kê", "tài chính"],
        "",
        "Tổng thu ngân sách trên địa bàn 6 tháng đầu năm đạt 57% dự toán huyện giao.",
        "Thu từ thuế sử dụng đất phi nông nghiệp và lệ phí trước bạ tăng so với cùng kỳ năm trước.",
    ),
    (
        "thai-nguyen-phat-trien-du-lich-che",
        "Thái Nguyên phát triển du lịch gắn với vùng chè đặc sản",
        "khac",
        D(2025, 7, 20),
        ["du lịch", "chè Tân Cương"],
        "Báo Thái Nguyên điện tử",
        "Tỉnh Thái Nguyên định hướng phát triển các tuyến du lịch trải nghiệm tại các vùng chè, trong đó có Tân Cương.",
        "Các homestay, điểm trải nghiệm chè được hỗ trợ quảng bá và đào tạo kỹ năng đón khách.",
    ),
    (
        "tiem-chung-mo-rong-thang-8",
        "Trạm Y tế xã tổ chức tiêm chủng mở rộng tháng 8",
        "su-kien",
        D(2025, 8, 12),
        ["y tế"],
        "",
        "Trạm Y tế xã tổ chức tiêm vắc xin cho trẻ dưới 1 tuổi và phụ nữ có thai theo lịch tiêm chủng mở rộng.",
        "Phụ huynh mang theo sổ tiêm chủng và đưa trẻ đến Trạm Y tế từ 7 giờ 30 đến 11 giờ các ngày 12 và 13.",
    ),
    (
        "khai-giang-nam-hoc-moi",
        "Các trường học trên địa bàn xã khai giảng năm học 2025 – 2026",
        "su-kien",
        D(2025, 9, 5),
        ["giáo dục"],
        "",
        "Hơn 1.200 học sinh các cấp học trên địa bàn xã bước vào năm học mới.",
        "Lãnh đạo xã tặng quà học sinh có hoàn cảnh khó khăn và học sinh đạt thành tích cao.",
    ),
    (
        "hoi-thao-nang-cao-chat-luong-che",
        "Hội thảo nâng cao chất lượng và giá trị sản phẩm chè",
        "hoi-nghi",
        D(2025, 10, 9),
        ["chè Tân Cương", "OCOP"],
        "",
        "Các chuyên gia, doanh nghiệp và hợp tác xã trao đổi về canh tác hữu cơ, truy xuất nguồn gốc và xây dựng thương hiệu.",
        "Hội thảo thống nhất lộ trình chuyển đổi 50 ha chè sang sản xuất hữu cơ đến năm 2027.",
    ),
    (
        "phong-chong-thien-tai-mua-mua-bao",
        "Chủ động phòng, chống thiên tai trong mùa mưa bão",
        "khac",
        None,  # "other" items (Điều 8e) need no event date: they have no deadline
        ["phòng chống thiên tai"],
        "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Thái Nguyên",
        "UBND xã đề nghị người dân theo dõi thông tin thời tiết, gia cố nhà cửa và không qua các ngầm tràn khi nước lớn.",
        "Các xóm rà soát hộ dân ở khu vực có nguy cơ sạt lở và chuẩn bị phương án di dời khi cần.",
    ),
]

DOCUMENTS = [
    # slug, title, number, type, subject area, signer, signed, effective, expiry, summary
    (
        "quyet-dinh-ban-hanh-quy-che-ban-bien-tap",
        "Quyết định ban hành Quy chế quản lý, tổ chức và hoạt động của Ban Biên tập",
        "01/QĐ-BBT",
        "quyet-dinh",
        "hanh-chinh",
        "Phạm Tiến Sỹ",
        D(2024, 6, 3),
        D(2024, 6, 3),
        None,
        "Ban hành Quy chế quản lý, tổ chức và hoạt động của Ban Biên tập Trang thông tin điện tử xã Tân Cương.",
    ),
    (
        "quyet-dinh-kien-toan-ban-bien-tap",
        "Quyết định kiện toàn Ban Biên tập Trang thông tin điện tử xã Tân Cương",
        "63/QĐ-UBND",
        "quyet-dinh",
        "hanh-chinh",
        "Phạm Tiến Sỹ",
        D(2024, 5, 27),
        D(2024, 5, 27),
        None,
        "Kiện toàn Ban Biên tập Trang thông tin điện tử xã Tân Cương, thành phố Thái Nguyên.",
    ),
    (
        "thong-bao-phan-cong-nhiem-vu-ban-bien-tap",
        "Thông báo phân công nhiệm vụ thành viên Ban Biên tập",
        "35/TB-BBT",
        "thong-bao",
        "hanh-chinh",
        "Phạm Tiến Sỹ",
        D(2024, 5, 27),
        D(2024, 5, 27),
        None,
        "Phân công nhiệm vụ cho các thành viên Ban Biên tập Trang thông tin điện tử xã Tân Cương.",
    ),
    (
        "ke-hoach-chuyen-doi-so-2025",
        "Kế hoạch chuyển đổi số xã Tân Cương năm 2025",
        "12/KH-UBND",
        "ke-hoach",
        "hanh-chinh",
        "Nguyễn Văn Hải",
        D(2025, 2, 14),
        D(2025, 2, 14),
        D(2025, 12, 31),
        "Triển khai chuyển đổi số, phát triển chính quyền số, kinh tế số và xã hội số trên địa bàn xã năm 2025.",
    ),
    (
        "bao-cao-kinh-te-xa-hoi-6-thang-2025",
        "Báo cáo tình hình kinh tế – xã hội 6 tháng đầu năm 2025",
        "85/BC-UBND",
        "bao-cao",
        "kinh-te",
        "Phạm Tiến Sỹ",
        D(2025, 6, 25),
        None,
        None,
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội 6 tháng đầu năm, phương hướng 6 tháng cuối năm 2025.",
    ),
    (
        "thong-bao-lich-tiep-cong-dan-quy-3",
        "Thông báo lịch tiếp công dân quý III năm 2025",
        "41/TB-UBND",
        "thong-bao",
        "hanh-chinh",
        "Phạm Tiến Sỹ",
        D(2025, 6, 30),
        D(2025, 7, 1),
        D(2025, 9, 30),
        "Lịch tiếp công dân định kỳ của Chủ tịch UBND xã vào thứ Năm hằng tuần trong quý III năm 2025.",
    ),
    (
        "cong-van-thu-gom-rac-thai",
        "Công văn về tăng cường thu gom, xử lý rác thải sinh hoạt",
        "102/UBND-ĐC",
        "cong-van",
        "dat-dai",
        "Nguyễn Văn Hải",
        D(2025, 3, 12),
        None,
        None,
        "Đề nghị các xóm tăng cường thu gom, phân loại rác thải sinh hoạt tại nguồn và xử lý vi phạm.",
    ),
    (
        "quyet-dinh-ho-tro-san-xuat-che-huu-co",
        "Quyết định hỗ trợ chuyển đổi sản xuất chè hữu cơ",
        "118/QĐ-UBND",
        "quyet-dinh",
        "kinh-te",
        "Phạm Tiến Sỹ",
        D(2025, 9, 18),
        D(2025, 10, 1),
        None,
        "Hỗ trợ giống, phân bón hữu cơ và chứng nhận cho các hộ chuyển đổi sang sản xuất chè hữu cơ.",
    ),
    (
        "nghi-quyet-du-toan-ngan-sach-2025",
        "Nghị quyết về dự toán ngân sách xã năm 2025",
        "27/NQ-HĐND",
        "nghi-quyet",
        "tai-chinh",
        "Lê Văn Thành",
        D(2024, 12, 20),
        D(2025, 1, 1),
        D(2025, 12, 31),
        "Dự toán thu, chi ngân sách xã Tân Cương năm 2025 do Hội đồng nhân dân xã thông qua.",
    ),
    (
        "huong-dan-dang-ky-khai-sinh-truc-tuyen",
        "Hướng dẫn đăng ký khai sinh trực tuyến",
        "05/HD-UBND",
        "huong-dan",
        "van-hoa-xa-hoi",
        "Nguyễn Văn Hải",
        D(2025, 4, 8),
        D(2025, 4, 8),
        None,
        "Các bước đăng ký khai sinh, thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi qua Cổng dịch vụ công.",
    ),
]

# A province plan posted on the commune's register months after it was signed: documents not
# issued by the commune People's Committee have no deadline (Điều 8b), so it is not late.
DOCUMENTS.append(
    (
        "ke-hoach-tinh-phat-trien-du-lich-vung-che",
        "Kế hoạch phát triển du lịch gắn với vùng chè đặc sản tỉnh Thái Nguyên",
        "86/KH-UBND",
        "ke-hoach",
        "kinh-te",
        "Lê Quang Tiến",
        D(2025, 3, 14),
        D(2025, 3, 14),
        D(2027, 12, 31),
        "Phát triển các tuyến du lịch trải nghiệm tại các vùng chè, trong đó có xã Tân Cương, giai đoạn 2025 – 2027.",
    )
)

# Who issued each document: the printed name (`issuing_body`) and the structured issuer; a number
# not listed here is the commune People's Committee's ("UBND xã Tân Cương", ubnd-xa).
ISSUERS = {
    "01/QĐ-BBT": ("Ban Biên tập Trang thông tin điện tử xã Tân Cương", "ban-bien-tap"),
    "35/TB-BBT": ("Ban Biên tập Trang thông tin điện tử xã Tân Cương", "ban-bien-tap"),
    "27/NQ-HĐND": ("HĐND xã Tân Cương", "hdnd-xa"),
    "86/KH-UBND": ("UBND tỉnh Thái Nguyên", "cap-tren"),
}
COMMUNE_COMMITTEE = ("UBND xã Tân Cương", "ubnd-xa")

# Documents whose printed dates are true (63/QĐ-UBND and 35/TB-BBT are named in the regulation,
# signed on 27/5/2024) or must stay as printed to show a document posted long after signing. The
# demo spreads their publication over the last months like every item's, but never moves their
# signing or effective dates; the other demo documents are invented, dates and all.
TRUE_DATES = {"63/QĐ-UBND", "35/TB-BBT", "01/QĐ-BBT", "86/KH-UBND"}

# Never published: a confidential document must stay invisible on every public path.
CONFIDENTIAL_DOCUMENT = (
    "van-ban-mat-phuong-an-bao-ve",
    "Phương án bảo vệ bí mật nhà nước năm 2025",
    "02/PA-UBND-MAT",
    "khac",
    "quoc-phong-an-ninh",
    "Phạm Tiến Sỹ",
    D(2025, 1, 6),
    None,
    None,
    "Văn bản mật — không công bố.",
)

ANSWERS = [
    # slug, title, topic, question, answer, answered by
    (
        "thu-tuc-cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau",
        "Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        "dat-dai",
        "Gia đình tôi sử dụng đất ổn định từ năm 1995 nhưng chưa được cấp giấy chứng nhận. Xin hỏi thủ tục như thế nào?",
        "<p>Hộ gia đình nộp hồ sơ tại Bộ phận một cửa UBND xã gồm đơn đăng ký, giấy tờ về quyền sử dụng đất "
        "(nếu có) và sơ đồ thửa đất. Thời hạn giải quyết không quá 20 ngày làm việc.</p>",
        "Công chức Địa chính – Xây dựng",
    ),
    (
        "dang-ky-khai-sinh-cho-tre-sinh-o-tinh-khac",
        "Đăng ký khai sinh cho trẻ sinh ở tỉnh khác",
        "thu-tuc-hanh-chinh",
        "Con tôi sinh tại bệnh viện ở Hà Nội, gia đình thường trú tại xã Tân Cương. Tôi đăng ký khai sinh ở đâu?",
        "<p>Cha hoặc mẹ đăng ký khai sinh tại UBND xã nơi cư trú, tức là UBND xã Tân Cương, mang theo giấy "
        "chứng sinh và giấy tờ tùy thân; có thể nộp trực tuyến trên Cổng dịch vụ công quốc gia.</p>",
        "Công chức Tư pháp – Hộ tịch",
    ),
    (
        "ho-tro-chuyen-doi-sang-che-huu-co",
        "Hỗ trợ khi chuyển đổi sang trồng chè hữu cơ",
        "kinh-te",
        "Gia đình tôi muốn chuyển 3 sào chè sang sản xuất hữu cơ. Xã có chính sách hỗ trợ không?",
        "<p>Theo Quyết định số 118/QĐ-UBND, hộ chuyển đổi được hỗ trợ phân bón hữu cơ, chi phí chứng nhận và "
        "tập huấn kỹ thuật. Hộ đăng ký với Ban quản lý xóm trước ngày 30/11 hằng năm.</p>",
        "Công chức Văn phòng – Thống kê",
    ),
    (
        "xin-phep-xay-dung-nha-o-nong-thon",
        "Có phải xin giấy phép khi xây nhà ở nông thôn?",
        "xay-dung",
        "Tôi định xây nhà 2 tầng trên đất ở của gia đình trong xóm. Có cần xin giấy phép xây dựng không?",
        "<p>Nhà ở riêng lẻ ở nông thôn không thuộc khu vực có quy hoạch chi tiết được miễn giấy phép xây dựng, "
        "nhưng phải bảo đảm chỉ giới xây dựng và an toàn cho các hộ liền kề.</p>",
        "Công chức Địa chính – Xây dựng",
    ),
    (
        "che-do-tro-cap-nguoi-cao-tuoi",
        "Chế độ trợ cấp xã hội cho người cao tuổi",
        "chinh-sach-xa-hoi",
        "Bố tôi năm nay đủ 80 tuổi, không có lương hưu. Gia đình cần làm gì để bố được hưởng trợ cấp?",
        "<p>Người từ đủ 80 tuổi không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng được hưởng trợ cấp "
        "xã hội. Gia đình nộp tờ khai tại UBND xã; trợ cấp được chi trả từ tháng tiếp theo.</p>",
        "Công chức Văn hoá – Xã hội",
    ),
]
