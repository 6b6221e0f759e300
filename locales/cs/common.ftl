# Shared buttons and replies used by several dialogs.
common-back-to-menu = ↩️ Zpět do menu
common-yes = Ano
common-no = Ne
error-try-again = Omlouvám se, u nás se stala chyba. Vaše zpráva je uložená. Zkuste to prosím znovu za minutu.
error-busy = Ještě odpovídám na vaši předchozí zprávu. Chvilku počkejte a pak tuto zprávu pošlete znovu.
input-empty = Vaše zpráva byla prázdná. Napište svou otázku nebo si vyberte z menu.
input-too-long = Vaše zpráva je pro mě příliš dlouhá (počet znaků: { $length }). Zkraťte ji prosím nejvýš na { $limit } znaků nebo ji rozdělte do několika zpráv.
input-unsupported = Umím číst jen text a tlačítka. Napište prosím svou otázku slovy.
input-stale-button = Toto tlačítko je ze starší zprávy a už neplatí. Tady je znovu menu.
input-no-words = Rozumím slovům, ne samotným číslům nebo emoji. Napište svou otázku slovy nebo si vyberte z menu.
