### Was nur die Seite des Kunden zu einer Anfrage sagt, die sie gestellt hat.

page-network = der Code konnte nicht gesendet werden: dieses Gerät scheint offline zu sein, oder der Server ist nicht erreichbar
    .title = Keine Verbindung zum Lizenzserver
    .next = Prüfen Sie die Internetverbindung und tippen Sie dann erneut auf Code senden. Ihr Code bleibt erhalten.
page-offline = dieses Gerät ist offline, daher konnte der Code nicht gesendet werden
    .title = Sie sind offline
    .next = Ihr Code bleibt erhalten: er wird von selbst gesendet, sobald die Verbindung zurück ist, oder tippen Sie erneut auf Code senden.
page-bad_answer = { $what }
    .title = Unerwartete Antwort des Lizenzservers
    .next = Versuchen Sie es in einer Minute erneut; besteht das Problem weiter, wenden Sie sich an den Support.
page-keys_failed = die Schlüssel des Herstellers konnten nicht geladen werden ({ $reason }), daher kann diese Seite nicht bestätigen, dass die Antwort echt ist
    .title = Die Antwort konnte nicht geprüft werden
    .next = Versuchen Sie es erneut; der Code bleibt erhalten.
page-signature_failed = geben Sie sie nicht ein: { $reason }
    .title = Die Signatur der Antwort ist ungültig
    .next = Reichen Sie den Code erneut ein; schlägt es wieder fehl, wenden Sie sich mit dem Anforderungscode an den Support.
page-starts_like = dies beginnt wie { $kind ->
        [serial] eine Seriennummer
        [response] ein Antwortcode
        [release] ein Freigabecode
       *[request] ein Anforderungscode
    } (Anforderungscodes beginnen mit H)
page-release_recognised = Dies ist ein Freigabecode: Wenn Sie ihn senden, wird der Platz des Computers frei, auf dem das Programm lief, sodass Sie es auf einem anderen Computer installieren können.
page-released = Der Platz des alten Computers ist frei: die Lizenz { $serial } von { $product } nutzt jetzt { $used } von { $allowed ->
        [one] { $allowed } Installation
       *[other] { $allowed } Installationen
    }.
page-already_released = Dieser Computer wurde bereits am { $date } freigegeben: die Lizenz { $serial } von { $product } nutzt { $used } von { $allowed ->
        [one] { $allowed } Installation
       *[other] { $allowed } Installationen
    }.
page-release_next = Auf dem neuen Computer: Installieren Sie { $product } mit Ihrer Seriennummer { $serial }, verwenden Sie dann Create Code und geben Sie den Anforderungscode auf dieser Seite ein.
