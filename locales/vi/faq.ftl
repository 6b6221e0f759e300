# FAQ answers (each with its source and the date the facts were checked), topic buttons and urgent-case messages.

## Residence

faq-residence-types =
    Có nhiều loại cư trú. Loại nào phù hợp với bạn tùy thuộc vào lý do bạn ở đây và bạn ở bao lâu:
    • Lưu trú ngắn hạn (krátkodobý pobyt): tối đa 90 ngày.
    • Thị thực dài hạn loại D (dlouhodobé vízum): để ở trên 90 ngày với một mục đích cụ thể, ví dụ làm việc hoặc học tập. Thị thực có hiệu lực tối đa 1 năm.
    • Giấy phép cư trú dài hạn (povolení k dlouhodobému pobytu): để ở lâu hơn với một mục đích cụ thể, ví dụ thẻ nhân viên (zaměstnanecká karta) để làm việc.
    • Cư trú vĩnh viễn (trvalý pobyt): bạn có thể nộp đơn sau 5 năm cư trú liên tục.
    Bộ Nội vụ (OAMP) quyết định việc cấp giấy phép, không phải trung tâm.
    Bạn chưa rõ loại nào dành cho mình? Tư vấn viên có thể cùng bạn xem xét hoàn cảnh của bạn, miễn phí.
    .source = https://mvcr.cz/clanek/vizum-k-pobytu-nad-90-dnu-dlouhodobe.aspx
    .checked = 2026-01-15

faq-residence-extend =
    Bạn hãy nộp đơn gia hạn kịp thời, trước khi giấy tờ của bạn hết hạn:
    • Giấy phép cư trú dài hạn (povolení k dlouhodobému pobytu): sớm nhất 120 ngày trước khi hết hạn, muộn nhất vào ngày cuối cùng còn hiệu lực.
    • Thị thực dài hạn loại D (dlouhodobé vízum): sớm nhất 90 ngày trước khi hết hạn, muộn nhất trước khi hết hạn.
    • Bạn nộp đơn trực tiếp tại Bộ Nội vụ (OAMP).
    • Hãy mang theo bản gốc hoặc bản sao có chứng thực (úředně ověřená kopie). Giấy tờ phải bằng tiếng Séc hoặc được dịch chính thức (úřední překlad), và được cấp không quá 180 ngày.
    Bạn hãy nhờ trung tâm xác nhận lệ phí và các giấy tờ cần cho mục đích cư trú của bạn.
    Nếu đơn của bạn bị từ chối hoặc bạn nhận được quyết định (rozhodnutí) có thời hạn, hãy liên hệ ngay với tư vấn viên.
    .source = https://mvcr.cz/clanek/vizum-k-pobytu-nad-90-dnu-dlouhodobe.aspx
    .checked = 2026-01-15

faq-residence-permanent =
    Bạn có thể nộp đơn xin cư trú vĩnh viễn (trvalý pobyt) sau 5 năm cư trú liên tục. Thẻ có hiệu lực 10 năm.
    • Những lần ở nước ngoài lâu có thể làm gián đoạn 5 năm này. Bạn hãy nhờ trung tâm kiểm tra những lần bạn vắng mặt.
    • Những năm đi học chỉ được tính một nửa.
    • Bạn cần: hộ chiếu, ảnh, giấy tờ chứng minh chỗ ở, giấy tờ chứng minh có đủ tiền để sinh sống, và chứng chỉ thi tiếng Séc trình độ A2.
    • Giấy tờ phải được cấp không quá 180 ngày.
    • Lệ phí là 2.500 CZK.
    Tư vấn viên có thể cùng bạn kiểm tra giấy tờ, miễn phí.
    Nếu đơn của bạn bị từ chối hoặc bạn nhận được quyết định (rozhodnutí) có thời hạn, hãy liên hệ ngay với tư vấn viên.
    .source = https://ipc.gov.cz/en/visa-and-residence-permit-types/third-country-nationals/permanent-residence/permanent-residence-permit-after-5-years-of-temporary-residence-in-the-czech-republic
    .checked = 2026-01-15

faq-employee-card =
    Thẻ nhân viên (zaměstnanecká karta) là giấy phép cư trú để làm việc. Thẻ có hiệu lực tối đa 2 năm và có thể gia hạn.
    • Lần đầu tiên, bạn phải nộp đơn trực tiếp.
    • Có chủ lao động mới: bạn hãy báo cho Bộ Nội vụ. Nếu bạn không có quyền tự do tiếp cận thị trường lao động (volný přístup na trh práce), hãy báo trước khi bắt đầu làm việc.
    • Bạn bị mất việc? Bạn chỉ có một khoảng thời gian giới hạn để báo công việc mới: 60 ngày, hoặc 90 ngày nếu công việc kết thúc từ ngày 2 tháng 8 năm 2025 trở đi. Bạn hãy nhờ trung tâm xác nhận trường hợp nào áp dụng cho bạn.
    Các quy định này thay đổi thường xuyên. Bạn vui lòng kiểm tra trang của Bộ trên ipc.gov.cz.
    Nếu đơn của bạn bị từ chối hoặc bạn nhận được quyết định (rozhodnutí) có thời hạn, hãy liên hệ ngay với tư vấn viên.
    .source = https://ipc.gov.cz/en/visa-and-residence-permit-types/third-country-nationals/long-term-residence-permits/employee-card/
    .checked = 2026-01-15

faq-family-reunification =
    Vợ hoặc chồng và con của bạn có thể sang đoàn tụ với bạn bằng thị thực dài hạn hoặc giấy phép cư trú với mục đích đoàn tụ gia đình (rodinné soužití).
    • Quy định phụ thuộc vào giấy phép của chính bạn, vì vậy trước tiên bạn hãy nhờ tư vấn viên kiểm tra trường hợp của mình.
    • Bộ Nội vụ (OAMP) quyết định, không phải trung tâm.
    • Giấy tờ phải là bản gốc hoặc bản sao có chứng thực (úředně ověřená kopie), bằng tiếng Séc hoặc được dịch chính thức, và được cấp không quá 180 ngày. Một số giấy tờ cần có chứng nhận apostille (apostila).
    • Người thân trong gia đình thường cần bảo hiểm y tế thương mại (komerční zdravotní pojištění).
    • Con của bạn sinh ra ở đây? Bạn hãy hỏi tư vấn viên cần làm gì.
    Tư vấn là miễn phí, và thường có thể sắp xếp phiên dịch viên.
    Nếu đơn của bạn bị từ chối hoặc bạn nhận được quyết định (rozhodnutí) có thời hạn, hãy liên hệ ngay với tư vấn viên.
    .source = https://mzv.cz/lvov/cz/viza_a_konzularni_informace/vizove_informace/dlouhodoby_pobyt/
    .checked = 2026-01-15

faq-report-address-change =
    Bạn đã chuyển nhà? Bạn hãy khai báo địa chỉ mới với Bộ Nội vụ trong vòng 30 ngày nếu bạn sẽ sống ở đó trên 30 ngày.
    • Bảo vệ tạm thời (dočasná ochrana): trong vòng 3 ngày.
    • Cư trú vĩnh viễn (trvalý pobyt): trong vòng 30 ngày nếu bạn chuyển đến ở trên 180 ngày. Có thể phải trả lệ phí; bạn hãy nhờ trung tâm xác nhận.
    • Thị thực lao động thời vụ (vízum k sezónnímu zaměstnání): trong vòng 15 ngày, khai báo với cảnh sát.
    • Bạn có thể khai báo trực tiếp, qua bưu điện, qua hộp thư dữ liệu (datová schránka) hoặc bằng e-mail có chữ ký điện tử.
    • Với thị thực dài hạn hoặc giấy phép cư trú, việc khai báo là miễn phí.
    .source = https://frs.gov.cz/en/obligations-for-foreigners/changes-with-third-country-nationals/change-of-address/
    .checked = 2026-01-15

faq-report-document-change =
    Một số thay đổi phải được khai báo nhanh:
    • Hộ chiếu mới, tên mới hoặc thay đổi tình trạng hôn nhân (ví dụ sau khi kết hôn): báo cho Bộ Nội vụ trong vòng 3 ngày làm việc.
    • Mất hoặc bị trộm thẻ cư trú (průkaz o povolení k pobytu) hoặc giấy tờ khác: khai báo trong vòng 3 ngày.
    • Mất hoặc bị trộm hộ chiếu: báo ngay cho cảnh sát.
    • Thẻ bị hỏng: bạn hãy hỏi trung tâm cần làm gì.
    Bạn chưa rõ cần mang theo những gì? Tư vấn viên có thể giúp bạn, miễn phí.
    .source = https://mvcr.cz/mvcren/article/third-country-nationals-reporting-changes.aspx
    .checked = 2026-01-15

faq-temporary-protection =
    Bảo vệ tạm thời (dočasná ochrana) phải được gia hạn hằng năm, qua hai bước:
    • Trước tiên, bạn đăng ký trực tuyến. Nếu không đăng ký, diện bảo vệ của bạn sẽ chấm dứt.
    • Sau đó, bạn đến Bộ Nội vụ để được dán nhãn thị thực (vízový štítek).
    • Năm 2026: theo thông tin hiện có, thời gian đăng ký là từ ngày 8 tháng 1 đến ngày 15 tháng 3 năm 2026, để được bảo vệ đến ngày 31 tháng 3 năm 2027. Mỗi người từ 15 tuổi trở lên tự đăng ký cho mình. Bạn vui lòng kiểm tra các ngày này trên ipc.gov.cz.
    • Sau ít nhất 2 năm được bảo vệ tạm thời, bạn có thể được cấp cư trú dài hạn đặc biệt (zvláštní dlouhodobý pobyt). Một trong các điều kiện là thu nhập của hộ gia đình ít nhất 440.000 CZK mỗi năm (cộng thêm 110.000 CZK cho mỗi thành viên khác). Hạn chót gửi đăng ký nguyện vọng trực tuyến (projevení zájmu) là ngày 30 tháng 4 năm 2026.
    Các quy định này thay đổi mỗi năm: bạn hãy kiểm tra trên ipc.gov.cz hoặc hỏi tư vấn viên.
    Nếu đơn của bạn bị từ chối hoặc bạn nhận được quyết định (rozhodnutí) có thời hạn, hãy liên hệ ngay với tư vấn viên.
    .source = https://ipc.gov.cz/
    .checked = 2026-01-15

faq-health-insurance =
    Bạn cần loại bảo hiểm y tế nào là tùy vào hoàn cảnh của bạn:
    • Bảo hiểm công (veřejné zdravotní pojištění): nếu bạn làm việc cho chủ lao động Séc (13,5 % lương trước thuế, đóng qua chủ lao động) hoặc bạn có cư trú vĩnh viễn.
    • Những người khác, ví dụ cư trú để kinh doanh, học tập hoặc đoàn tụ gia đình, cần bảo hiểm y tế thương mại toàn diện (komplexní zdravotní pojištění). Đến ngày 2 tháng 8 năm 2026, chỉ có PVZP bán loại bảo hiểm này. Sau ngày đó áp dụng quy định nào, bạn hãy hỏi trung tâm.
    • Bảo vệ tạm thời: nhà nước trả bảo hiểm trong 150 ngày đầu tiên. Sau đó, người từ 18 đến 64 tuổi phải báo cho công ty bảo hiểm của mình trong vòng 8 ngày ai sẽ trả (chủ lao động, nhà nước hay chính bạn). Quy định này có thể đã thay đổi, vì vậy bạn hãy nhờ trung tâm xác nhận.
    Tư vấn viên có thể kiểm tra trường hợp của bạn, miễn phí.
    .source = https://businessinfo.cz/en/about-the-czech-republic/basic-data/legal-information/health-care-in-the-cr/
    .checked = 2026-01-15

faq-moi-office-info =
    Giấy phép cư trú do Bộ Nội vụ (Ministerstvo vnitra, OAMP) giải quyết, không phải trung tâm. Các văn phòng của Bộ trong vùng của chúng tôi:
    • Ústí nad Labem: Berní 2261/1 (cũng dành cho bảo vệ tạm thời)
    • Chomutov: Jiráskova 5338
    Bạn vui lòng kiểm tra trang của Bộ để biết giờ làm việc và cách đặt lịch hẹn ở đó.
    • Bạn phải nộp đơn xin giấy phép cư trú trực tiếp.
    • Các thay đổi, ví dụ địa chỉ mới, cũng có thể gửi qua bưu điện, hộp thư dữ liệu (datová schránka) hoặc e-mail có chữ ký điện tử.
    Tư vấn viên của trung tâm có thể giúp bạn chuẩn bị trước khi đến đó, miễn phí.
    .source = https://mvcr.cz/mvcren/article/third-country-nationals-reporting-changes.aspx
    .checked = 2026-01-15

## Courses, exams, education

faq-czech-course-info =
    Trung tâm tổ chức các khóa học tiếng Séc cho người nước ngoài.
    • Khóa học thường miễn phí. Đôi khi bạn phải đặt cọc một khoản tiền, sau đó sẽ được nhận lại.
    • Trình độ thường là A1 và A2. Một bài kiểm tra xếp lớp ngắn sẽ cho biết nhóm nào phù hợp với bạn.
    • Ngày học, giờ học và hình thức học (trực tiếp hay trực tuyến) có thể thay đổi. Bạn vui lòng hỏi trung tâm về khóa học tiếp theo: { $address }, giờ làm việc: { $hours }.
    Bạn đang chuẩn bị thi A2 để xin cư trú vĩnh viễn? Hãy hỏi thêm về các buổi thi thử.
    .source = https://cizinci.cz/znalost-ceskeho-jazyka1
    .checked = 2026-01-15

faq-exam-permanent-residence =
    Để xin cư trú vĩnh viễn (trvalý pobyt), bạn cần thi tiếng Séc trình độ A2.
    • Kỳ thi diễn ra trong một ngày: phần viết (đọc, viết, nghe) và phần nói.
    • Lệ phí thi là 3.200 CZK, bạn tự trả.
    • Bạn đăng ký trực tuyến. Chứng chỉ không bao giờ hết hạn.
    • Kỳ thi dự kiến sẽ thay đổi từ ngày 11 tháng 4 năm 2026. Bạn hãy xem thông tin chi tiết và đề thi mẫu trên cestina-pro-cizince.cz.
    • Để xin quốc tịch Séc (státní občanství), bạn cần trình độ B1 và một bài kiểm tra về xã hội Séc.
    Bạn chưa chắc mình có phải thi không? Hãy hỏi tư vấn viên. Trung tâm cũng tổ chức thi thử để bạn luyện tập.
    .source = https://cestina-pro-cizince.cz/trvaly-pobyt/
    .checked = 2026-01-15

faq-mock-exam =
    Trước kỳ thi A2 thật, bạn có thể thi thử ("zkouška nanečisto") tại trung tâm. Nhờ đó bạn biết kỳ thi diễn ra thế nào và cần luyện tập thêm phần nào.
    • Ngày thi, cách đăng ký và chi phí (nếu có) có thể thay đổi, vì vậy bạn vui lòng hỏi trung tâm: { $address }, giờ làm việc: { $hours }.
    • Bạn cũng có thể hỏi về khóa học ôn thi.
    • Ở nhà, bạn có thể luyện tập với các đề thi mẫu trên cestina-pro-cizince.cz.
    .source = https://cestina-pro-cizince.cz/trvaly-pobyt/
    .checked = 2026-01-15

faq-adaptation-course =
    Khóa học thích nghi và hội nhập "Vítejte v ČR" (Chào mừng đến Cộng hòa Séc) là bắt buộc đối với nhiều người mới đến.
    • Ai phải học: bạn được cấp giấy phép cư trú dài hạn từ ngày 1 tháng 1 năm 2021 trở đi, hoặc được cấp cư trú vĩnh viễn mà trước đó chưa từng cư trú ở đây.
    • Khi nào: trong vòng 1 năm kể từ khi bạn nhận thẻ.
    • Thời lượng 4 giờ, bằng tiếng Séc, có phiên dịch (tiếng Anh, Nga, Ukraina, Việt, Mông Cổ, Ả Rập, Pháp, Tây Ban Nha hoặc Serbia).
    • Học phí: 1.500 CZK, hoặc 800 CZK nếu chủ lao động trả cho bạn.
    • Đăng ký tại frs.gov.cz/kurzy. Chỉ các trung tâm hội nhập mới tổ chức khóa học này, vì vậy bạn có thể hỏi trung tâm về lịch học.
    • Nếu bạn không tham gia, bạn có thể bị phạt đến 10.000 CZK.
    • Không phải học: người dưới 15 tuổi hoặc trên 61 tuổi, sinh viên, công dân EU và gia đình của họ, và những người có giấy phép từ trước năm 2021 mà chỉ gia hạn hoặc đổi mục đích cư trú.
    .source = https://mvcr.cz/clanek/adaptacne-integracni-kurzy.aspx
    .checked = 2026-01-15

faq-sociocultural-course =
    Các khóa học định hướng văn hóa – xã hội giải thích về cuộc sống ở Cộng hòa Séc và cách mọi việc diễn ra ở đây.
    • Đây là một phần trong chương trình hội nhập của trung tâm.
    • Lịch học có thể thay đổi, vì vậy bạn vui lòng hỏi trung tâm khi nào khóa tiếp theo bắt đầu và có mất phí không: { $address }, giờ làm việc: { $hours }.
    • Thường có thể sắp xếp phiên dịch viên.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-children-tutoring =
    Trung tâm có các buổi dạy kèm (doučování) cho trẻ em nước ngoài.
    • Các buổi học có thể thay đổi, vì vậy bạn vui lòng hỏi trung tâm: { $address }, giờ làm việc: { $hours }.
    • Cha mẹ cũng có thể được tư vấn giáo dục, ví dụ về trường học.
    • Tư vấn là miễn phí, và thường có thể sắp xếp phiên dịch viên.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-education-counselling =
    Trung tâm tư vấn giáo dục cho người lớn và gia đình.
    • Bạn có thể hỏi về trường học và trường mẫu giáo cho con.
    • Bạn cũng có thể hỏi về việc học của chính mình, đào tạo lại nghề (rekvalifikace) hoặc công nhận bằng cấp (nostrifikace). Tư vấn viên sẽ cho bạn biết họ có thể giúp gì.
    • Tư vấn miễn phí và cần đặt lịch hẹn trước. Thường có thể sắp xếp phiên dịch viên.
    • Liên hệ với trung tâm: { $address }, giờ làm việc: { $hours }.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

## Counselling

faq-social-counselling =
    Tư vấn xã hội là miễn phí. Tư vấn viên có thể giúp bạn về:
    • việc làm và nhà ở
    • trợ cấp xã hội
    • bảo hiểm y tế
    • trường học
    • làm việc với các cơ quan nhà nước
    Bạn cần đặt lịch hẹn trước, vì tư vấn viên cũng làm việc bên ngoài văn phòng. Thường có thể sắp xếp phiên dịch viên.
    Khi đến lần đầu, bạn vui lòng mang theo giấy tờ cư trú còn hiệu lực có ảnh.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

faq-legal-counselling =
    Tư vấn pháp lý là miễn phí. Tư vấn viên có thể giúp bạn về:
    • cư trú: giấy phép, gia hạn, khai báo thay đổi
    • các câu hỏi về công việc
    • thư và quyết định (rozhodnutí) của các cơ quan nhà nước
    Trung tâm không thể quyết định về giấy phép của bạn (Bộ Nội vụ quyết định) và không thể hứa trước kết quả. Thường thì trung tâm không thể đại diện cho bạn trước tòa; bạn hãy hỏi tư vấn viên.
    Bạn cần đặt lịch hẹn trước, và thường có thể sắp xếp phiên dịch viên.
    Nếu đơn của bạn bị từ chối hoặc bạn nhận được quyết định có thời hạn, hãy liên hệ ngay với tư vấn viên.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

## The centre

faq-centre-contact-hours =
    { $centre }
    • Địa chỉ: { $address }
    • Giờ làm việc: { $hours }
    Tư vấn cần đặt lịch hẹn trước, vì vậy bạn vui lòng đặt lịch hoặc liên hệ với trung tâm trước khi đến.
    Nhân viên hỗ trợ của trung tâm cũng đã từng làm việc tại các văn phòng của Bộ Nội vụ ở Ústí nad Labem (Berní 2261/1) và Chomutov (Jiráskova 5338). Bạn hãy hỏi trung tâm xem hiện nay họ có ở đó không, và kiểm tra giờ làm việc trên trang của Bộ.
    .source = https://cizinci.cz/web/cz/integracni-centra
    .checked = 2026-01-15

faq-centre-services =
    { $centre } giúp đỡ người nước ngoài ở vùng Ústí nad Labem (Ústecký kraj). Trung tâm cung cấp:
    • tư vấn xã hội và pháp lý
    • khóa học tiếng Séc và khóa học định hướng văn hóa – xã hội
    • các buổi nói chuyện và sự kiện hội nhập hoặc đa văn hóa
    • trung tâm thông tin
    • hỗ trợ bên ngoài văn phòng (công tác thực địa)
    Các dịch vụ đều miễn phí, và thường có thể sắp xếp phiên dịch viên.
    Trung tâm do Poradna pro integraci, z.ú. điều hành từ năm 2009, với kinh phí từ EU (AMIF) và Bộ Nội vụ.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-centre-eligibility =
    Dịch vụ của trung tâm dành cho:
    • công dân các nước ngoài EU đang cư trú hợp pháp tại Cộng hòa Séc
    • người được cấp quy chế tị nạn (azyl) hoặc bảo vệ bổ sung (doplňková ochrana)
    • người có bảo vệ tạm thời (dočasná ochrana): thường là có, bạn hãy nhờ trung tâm xác nhận
    Công dân EU và những người có đơn xin tị nạn chưa được quyết định cuối cùng thường không được phục vụ. Tư vấn viên sẽ cho bạn biết có thể tìm sự giúp đỡ ở đâu.
    Khi đến lần đầu, bạn vui lòng mang theo giấy tờ cư trú còn hiệu lực có ảnh.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

faq-information-centre =
    Trung tâm có một phòng thông tin mà bạn có thể sử dụng miễn phí:
    • máy tính có internet
    • thư viện có sách tiếng Séc và các ngôn ngữ khác
    • báo và tạp chí
    Thông tin này có thể đã thay đổi, vì vậy bạn vui lòng hỏi trung tâm về giờ mở cửa và có in được tài liệu không: { $address }, giờ làm việc: { $hours }.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-events-activities =
    Trung tâm tổ chức các buổi nói chuyện và các sự kiện hội nhập, đa văn hóa, nơi bạn có thể gặp gỡ những người khác.
    • Lịch có thể thay đổi, vì vậy bạn vui lòng hỏi trung tâm về các sự kiện sắp tới: { $address }, giờ làm việc: { $hours }.
    • Các khóa học tiếng Séc và khóa học văn hóa – xã hội của trung tâm cũng là cách tốt để làm quen với mọi người.
    • Sự kiện thường miễn phí; bạn hãy nhờ trung tâm xác nhận.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

## Small talk and fallback

faq-greet = Xin chào! Rất vui vì bạn đã nhắn tin. Bạn hãy viết câu hỏi bằng lời của mình hoặc chọn trong menu.
faq-goodbye = Tạm biệt và chúc bạn mọi điều tốt đẹp! Bạn có thể nhắn lại cho tôi bất cứ lúc nào.
faq-thanks = Không có gì! Tôi rất vui vì đã giúp được bạn.
faq-out-of-scope = Xin lỗi, tôi không thể giúp bạn việc này. Tôi có thể giúp về cư trú, khóa học và kỳ thi tiếng Séc, tư vấn và thông tin về trung tâm. Bạn vui lòng chọn một chủ đề trong menu.

## Around the answers

faq-source = Nguồn: { $url } (kiểm tra ngày { DATETIME($checked, dateStyle: "medium") })
faq-did-you-mean = Tôi không chắc mình đã hiểu đúng. Có phải bạn muốn hỏi một trong những chủ đề này không?
faq-still-not-understood = Xin lỗi, tôi vẫn chưa hiểu ý bạn, nên một nhân viên sẽ đọc tin nhắn của bạn.
# Shown the same in every locale: English first, then Czech.
faq-unsupported-language =
    Sorry, I can only write in Czech, English, Ukrainian, Russian and Vietnamese. Please choose a language below.

    Omlouvám se, umím psát jen česky, anglicky, ukrajinsky, rusky a vietnamsky. Vyberte si prosím jazyk níže.
faq-more-help = Bạn còn cần gì nữa không? Hãy viết câu hỏi khác hoặc chọn trong menu.

## Topic buttons ("did you mean")

topic-residence-types = 🛂 Các loại cư trú
topic-residence-extend = 🔄 Gia hạn giấy phép
topic-residence-permanent = 🏠 Cư trú vĩnh viễn
topic-employee-card = 💼 Thẻ nhân viên
topic-family-reunification = 👪 Đoàn tụ gia đình
topic-report-address-change = 📍 Khai báo địa chỉ mới
topic-report-document-change = 📄 Đổi hoặc mất giấy tờ
topic-temporary-protection = 🇺🇦 Bảo vệ tạm thời
topic-health-insurance = 🏥 Bảo hiểm y tế
topic-moi-office-info = 🏛️ Văn phòng Bộ Nội vụ
topic-czech-course-info = 📚 Khóa học tiếng Séc
topic-exam-permanent-residence = 📝 Thi A2 xin cư trú
topic-mock-exam = ✏️ Thi thử A2
topic-adaptation-course = 🎓 Khóa học thích nghi
topic-sociocultural-course = 🧭 Khóa văn hóa – xã hội
topic-children-tutoring = 🧒 Dạy kèm cho trẻ em
topic-education-counselling = 🏫 Trường học và bằng cấp
topic-social-counselling = 🤝 Tư vấn xã hội
topic-legal-counselling = ⚖️ Tư vấn pháp lý
topic-centre-contact-hours = 🕘 Địa chỉ, giờ làm việc
topic-centre-services = ℹ️ Dịch vụ của trung tâm
topic-centre-eligibility = ✅ Ai có thể đến
topic-information-centre = 💻 Phòng thông tin
topic-events-activities = 🎉 Sự kiện và bài giảng
topic-book-appointment = 📅 Đặt lịch hẹn
topic-talk-to-human = 🧑‍💼 Gặp tư vấn viên
topic-subscribe-courses = 📢 Tin khóa học

## Urgent legal situations

escalation-intro = Việc này có vẻ nghiêm trọng, và cần có người trực tiếp giúp bạn. Tư vấn viên của trung tâm sẽ trực tiếp giải quyết việc này.
escalation-deadline = Nếu bạn đã nhận được quyết định (rozhodnutí), hãy giữ lại và ghi lại ngày bạn nhận được: thời hạn kháng cáo (odvolání) có thể chỉ là 5 hoặc 15 ngày.
escalation-exploitation =
    Không được trả lương, bị chủ lao động giữ hộ chiếu, bị đe dọa hoặc bị ép làm việc: La Strada có thể giúp bạn.
    • Gọi 222 71 71 71 hoặc đường dây miễn phí 800 077 777.
    • Nếu bạn đang gặp nguy hiểm ngay lúc này, hãy gọi 112.
escalation-violence =
    Nếu bạn đang gặp nguy hiểm ngay lúc này, hãy gọi 112 hoặc cảnh sát theo số 158.
    Hỗ trợ nạn nhân bạo lực và tội phạm, miễn phí và 24/24: 116 006 (Bílý kruh bezpečí).
escalation-detention =
    Nếu bạn hoặc người thân bị tạm giữ:
    • Hãy yêu cầu có phiên dịch viên.
    • Đừng ký bất cứ giấy tờ nào mà bạn không hiểu.
    • Giữ lại mọi giấy tờ bạn nhận được và ghi lại ngày nhận.
    • Đưa cho gia đình thông tin liên hệ của trung tâm để họ có thể liên lạc với tư vấn viên.
escalation-asylum = Trung tâm không thể giúp những người có đơn xin tị nạn chưa được quyết định cuối cùng. Tư vấn viên sẽ cho bạn biết bạn có thể tìm sự giúp đỡ ở đâu.
