### Das Lesen eines Codes (docs/codes.md §7). Werte sind Satzteile
### („Gruppe 4 enthält einen Tippfehler“): die Befehlszeile gibt sie nach
### „Fehler: “ aus, die Seite macht einen Satz daraus.

code-empty = es wurde kein Code eingegeben
    .title = Kein Code
    .next = Tippen oder fügen Sie den Code ein.
code-invalid_character = Zeichen { $position } (in Gruppe { $group }) ist '{ $character }', das in Codes nicht vorkommt
    .title = Ein Zeichen, das in Codes nicht vorkommt
    .next = Codes bestehen nur aus Ziffern und den Buchstaben A bis Z ohne I, L, O und U; vergleichen Sie Gruppe { $group } mit dem Original.
code-bad_group = Gruppe { $group } enthält einen Tippfehler
    .title = Der Code enthält einen Tippfehler
    .next = Vergleichen Sie Gruppe { $group } Zeichen für Zeichen mit dem Original, oder kopieren Sie den Code und fügen Sie ihn ein, statt ihn abzutippen.
    .next-customer = Vergleichen Sie die markierte Gruppe mit dem Code, den das Programm anzeigt, oder verwenden Sie Save to File im Programm und öffnen Sie hier Step_1_Code.TXT.
code-groups_swapped = die Gruppen { $first } und { $second } sind vertauscht
    .title = Zwei Gruppen sind vertauscht
    .next = Tauschen Sie die Gruppen { $first } und { $second }, oder kopieren Sie den Code erneut aus dem Original.
code-missing_group = an Stelle von Gruppe { $group } fehlt eine Gruppe
    .title = Eine Gruppe fehlt
    .next = Tippen Sie die Gruppe ein, die vor Gruppe { $group } gehört; das Original hat eine Gruppe mehr.
code-extra_group = Gruppe { $group } ist eine Gruppe zu viel
    .title = Eine Gruppe zu viel
    .next = Entfernen Sie Gruppe { $group } (sie steht nicht im Original), oder kopieren Sie den Code erneut.
code-truncated = der Code ist unvollständig: { $found_groups } vollständige { $found_groups ->
        [one] Gruppe
       *[other] Gruppen
    }, { $kind ->
        [serial] eine Seriennummer
        [request] ein Anforderungscode
        [response] ein Antwortcode
        [release] ein Freigabecode
       *[none] ein Code
    } hat mindestens { $expected_groups }
    .title = Der Code ist unvollständig
    .next = Kopieren Sie den ganzen Code: das Ende fehlt.
code-too_long = der Code ist zu lang: { $found_groups } Gruppen, { $kind ->
        [serial] eine Seriennummer
        [request] ein Anforderungscode
        [response] ein Antwortcode
        [release] ein Freigabecode
       *[none] ein Code
    } hat höchstens { $max_groups }
    .title = Der Code ist zu lang
    .next = Geben Sie nur einen Code ein, ohne etwas dahinter.
code-wrong_kind = dies ist { $found ->
        [serial] eine Seriennummer
        [response] ein Antwortcode
        [release] ein Freigabecode
       *[request] ein Anforderungscode
    }, kein { $expected ->
        [serial] Seriennummer
        [response] Antwortcode
        [release] Freigabecode
       *[request] Anforderungscode
    }
    .title = Ein Code einer anderen Art
    .next = { $found ->
        [response] Dies ist die Antwort des Lizenzportals: Geben Sie sie im Programm ein (Enter Code), nicht hier.
        [serial] Dies ist eine Seriennummer: Installieren Sie damit das Programm und erstellen Sie dann mit dessen Schaltfläche Create Code einen Anforderungscode.
        [release] Dies ist ein Freigabecode: Er gibt den Platz eines Computers auf der Lizenz zurück. Reichen Sie ihn im Lizenzportal ein oder senden Sie ihn an den Support.
       *[request] { $expected ->
            [response] Dies ist der Code, den dieses Programm erstellt hat. Reichen Sie ihn im Lizenzportal des Herstellers ein und geben Sie den Antwortcode ein, den Sie dort erhalten.
            [serial] Geben Sie stattdessen eine Seriennummer ein.
            [release] Geben Sie stattdessen den Freigabecode ein, den das Programm erstellt hat (Lizenz freigeben).
           *[request] Geben Sie stattdessen einen Anforderungscode ein.
        }
    }
code-unknown_version = { $kind ->
        [serial] diese Seriennummer verwendet
        [response] dieser Antwortcode verwendet
        [release] dieser Freigabecode verwendet
       *[request] dieser Anforderungscode verwendet
    } die Formatversion { $version }, die dieses Programm nicht kennt
    .title = Unbekanntes Codeformat
    .next = Aktualisieren Sie das Programm, oder bitten Sie den Support um einen Code im Format, das diese Version liest.
code-code_check_failed = die Gruppen stimmen, der Code als Ganzes aber nicht: zwei Tippfehler in einer Gruppe, oder Gruppen aus verschiedenen Codes
    .title = Der Code ist nicht gültig
    .next = Kopieren Sie den Code erneut aus dem Original, statt ihn abzutippen; schlägt es weiter fehl, erstellen Sie einen neuen Code.
code-malformed = { $kind ->
        [serial] die Seriennummer ist
        [response] der Antwortcode ist
        [release] der Freigabecode ist
       *[request] der Anforderungscode ist
    } nicht wohlgeformt: { $reason ->
        [entitlements_short] die Berechtigungen reichen über das Ende des Codes hinaus
        [slots_out_of_order] die Berechtigungsfelder sind nicht aufsteigend geordnet
        [not_shortest] ein Berechtigungswert ist nicht in seiner kürzesten Form geschrieben
        [padding] die Bits nach der Signatur sind nicht null
        [nothing_held] er nennt Update 0, und eine Installation, die nie eine Antwort erhalten hat, hat nichts freizugeben
       *[counter_not_advancing] der Update-Zähler steigt nicht
    }
    .title = Der Code ist nicht wohlgeformt
    .next = Kopieren Sie den Code erneut aus dem Original; schlägt es weiter fehl, wenden Sie sich mit dem Code an den Support.
code-bad_signature = die Signatur des Antwortcodes ist ungültig: er wurde verändert, falsch eingegeben oder nicht für diese Installation erstellt
    .title = Die Signatur ist ungültig
    .next = Prüfen Sie, ob dieser Antwortcode auf den neuesten Anforderungscode dieser Installation antwortet (Code erstellen), und kopieren Sie ihn erneut; schlägt es weiter fehl, senden Sie den Anforderungscode an den Support.
code-unknown_signing_key = der Antwortcode wurde mit dem Herstellerschlüssel { $key_id } signiert, dem dieses Programm nicht vertraut
    .title = Mit einem unbekannten Schlüssel signiert
    .next = Aktualisieren Sie das Programm, damit es die aktuellen Schlüssel des Herstellers kennt, oder wenden Sie sich an den Support.
code-another_product = dieser Antwortcode ist für Produkt { $found }, diese Lizenz aber für Produkt { $expected }
    .title = Eine Antwort für ein anderes Produkt
    .next = Geben Sie diesen Code in dem Programm ein, für das er erstellt wurde, oder fordern Sie einen Antwortcode für den Anforderungscode dieses Produkts an.
code-another_installation = KEYID_NOT_FOUND: dieser Antwortcode wurde für eine andere Installation erstellt (Schlüssel-ID beginnt mit { $found }), nicht für diese ({ $expected })
    .title = Eine Antwort für eine andere Installation
    .next = Geben Sie ihn auf dem Computer ein, dessen Anforderungscode er beantwortet, oder erstellen Sie hier einen Anforderungscode (Code erstellen) und reichen Sie diesen ein.
code-too_old = TOO_OLD: ein neueres Update ist bereits installiert (dieser Code bringt Update { $to_counter }; die Lizenz steht bei Update { $counter })
    .title = Eine ältere Antwort
    .next = Nichts zu tun: ein neueres Update ist installiert. Fehlt etwas, erstellen Sie einen neuen Anforderungscode (Code erstellen) und reichen Sie ihn ein.
code-too_new = TOO_NEW: dieser Antwortcode setzt Update { $from_counter } fort, die Lizenz steht aber bei Update { $counter }: ein früheres Update fehlt
    .title = Ein früheres Update fehlt
    .next = Geben Sie zuerst die früheren Antwortcodes der Reihe nach ein; oder erstellen Sie einen neuen Anforderungscode (Code erstellen) und reichen Sie ihn ein, um eine Antwort mit allen Updates zu erhalten.
