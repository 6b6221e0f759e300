# Talking to a counsellor.
counsellor-emergency =
    Trường hợp khẩn cấp, hãy gọi 112 (cảnh sát 158).
    Bạo lực hoặc tội phạm, miễn phí và 24/24: 116 006 (Bílý kruh bezpečí).
    Bóc lột lao động hoặc buôn bán người: La Strada 222 71 71 71 hoặc số miễn phí 800 077 777.
