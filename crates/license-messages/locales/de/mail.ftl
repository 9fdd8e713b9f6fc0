### Die E-Mail, die der Lizenzserver an den technischen Kontakt einer Lizenz sendet.

mail-response-subject = Antwortcode für { $product } (Lizenz { $serial })
mail-response-intro = Hier ist der Antwortcode für { $product }, Lizenz { $serial }.
mail-why-issued = Er beantwortet einen Anforderungscode, der { $channel ->
        [console] von unserem Support-Team in Ihrem Namen
       *[portal] auf der Lizenzseite
    } eingereicht wurde.
mail-why-resend = Unser Support-Team hat ihn Ihnen erneut gesendet.
mail-why-mail_in = Er beantwortet den Anforderungscode, der per E-Mail kam.
mail-changes = Was sich ändert:
mail-no-changes = Es ändert sich nichts: das Programm erhält den neuesten Stand.
mail-code-heading = Antwortcode:
mail-enter = Im Programm: Help → Registration Info → Retrieve a waiting License Upgrade → Enter Code, dann fügen Sie den Code oben ein, öffnen die angehängte Datei Step_2_Response_Code.TXT oder halten den QR-Code vor die Webcam des Computers. Das Upgrade wird sofort installiert, ohne Neustart.
mail-request-heading = Er beantwortet diesen Anforderungscode:
mail-qr-alt = QR-Code des Antwortcodes
mail-footer = Sie erhalten diese Nachricht, weil Sie der hinterlegte technische Kontakt der Lizenz { $serial } sind. Der Code funktioniert nur auf dem Computer, der den Anforderungscode erstellt hat, und nützt daher niemand anderem.

## Ein per E-Mail gekommener Anforderungscode, der nicht beantwortet werden
## konnte: der Hinweis geht an den Kontakt der Lizenz, nie an den Absender.

mail-notice-subject = Ihr Anforderungscode für die Lizenz { $serial } konnte nicht beantwortet werden
mail-notice-intro = Eine Nachricht an unsere Lizenzadresse zur Lizenz { $serial } konnte nicht beantwortet werden: { $reason }.
mail-notice-next = Was zu tun ist: { $next }
mail-notice-no-code = sie enthält keinen vollständigen Anforderungscode
mail-notice-no-code-next = Senden Sie den Anforderungscode erneut: im Programm Help → Registration Info → Create Code, dann fügen Sie den ganzen Code (acht Gruppen, beginnend mit H) in die Nachricht ein oder hängen die gespeicherte Datei Step_1_Code.TXT an. Sie können ihn auch auf der Lizenzseite einreichen.
mail-notice-sender = Die Nachricht kam von { $sender }.

## When a licence is created: the purchase confirmation with the serial
## number, to the technical contact.

mail-license-subject = Ihre { $product }-Lizenz: Seriennummer { $serial }
mail-license-intro = Vielen Dank für Ihren Kauf. Ihre { $product }-Lizenz ist bereit.
mail-license-serial = Seriennummer: { $serial }
mail-license-registration-code = Registrierungscode: { $code } (das Programm fragt einmal danach, zusammen mit der Seriennummer, wenn es zum ersten Mal auf einem Computer registriert wird; bewahren Sie ihn mit der Seriennummer auf und geben Sie ihn niemand anderem)
mail-license-installations = Sie darf auf { $max ->
        [one] { $max } Computer
       *[other] { $max } Computern
    } installiert werden.
mail-license-bought = Was Sie gekauft haben:
mail-license-keep = Bewahren Sie diese Seriennummer sicher auf: Das Programm fragt bei der Registrierung danach, und der Support fragt danach, wenn Sie uns schreiben.
mail-license-register = Zur Registrierung: Installieren Sie das Programm, geben Sie die Seriennummer ein und wählen Sie dann Help → Registration Info → Retrieve a waiting License Upgrade. Hat der Computer Internetzugang, klicken Sie auf Get it now. Wenn nicht, klicken Sie auf Create Code, übermitteln Sie den Code auf { $portal } von einem beliebigen Gerät oder senden Sie ihn per E-Mail an diese Adresse, und geben Sie dann den Antwortcode mit Enter Code ein.

## When an upgrade is queued.

mail-upgrade-subject = Ihr Upgrade für { $product } (Lizenz { $serial }) ist bereit
mail-upgrade-intro = Das Upgrade, das Sie für { $product }, Lizenz { $serial }, bestellt haben, ist bereit.
mail-upgrade-how = Zur Installation wählen Sie im Programm Help → Registration Info → Retrieve a waiting License Upgrade:
mail-upgrade-online = Hat der Computer Internetzugang, klicken Sie auf Get it now: Das Upgrade wird sofort installiert, sonst ist nichts zu tun.
mail-upgrade-offline = Wenn nicht, klicken Sie auf Create Code, übermitteln Sie den Code auf { $portal } von einem beliebigen Gerät oder senden Sie ihn per E-Mail an diese Adresse, und geben Sie dann den Antwortcode mit Enter Code ein. Das Upgrade wird sofort installiert, ohne Neustart.
mail-portal-unknown = unserer Lizenzseite
mail-contact-footer = Sie erhalten diese Nachricht, weil Sie der hinterlegte technische Kontakt für die Lizenz { $serial } sind.

## A reminder: an upgrade no installation has fetched after some days.

mail-reminder-subject = Erinnerung: Ihr Upgrade für { $product } (Lizenz { $serial }) wartet
mail-reminder-intro = Eine Erinnerung: Das Upgrade für { $product }, Lizenz { $serial }, ist seit dem { $since } bereit, und noch kein Computer hat es abgerufen.

# The answer to "Lost your serial number?" (POST /api/v1/serials/lookup).
mail-lost-subject = { $count ->
    [one] Ihre Seriennummer
   *[other] Ihre Seriennummern
}
mail-lost-intro = Jemand, vermutlich Sie, hat die Seriennummern der Lizenzen angefordert, für die diese Adresse der technische Kontakt ist. { $count ->
    [one] Hier ist sie:
   *[other] Hier sind sie:
}
mail-lost-line = { $product }: { $serial }
mail-lost-line-code = { $product }: { $serial }, Registrierungscode { $code }
mail-lost-ignore = Wenn Sie nichts angefordert haben, können Sie diese Nachricht ignorieren: Sie ging nur an diese Adresse, und nichts wurde geändert.
mail-lost-footer = Sie erhalten diese Nachricht, weil diese Adresse der hinterlegte technische Kontakt für diese Lizenzen ist.
