### The "Lost your serial number?" page (/lost.html).

lost-title = Seriennummer verloren?
lost-lead = Geben Sie die E-Mail-Adresse ein, mit der Ihre Lizenzen gekauft wurden (die des technischen Kontakts). Ist sie hinterlegt, senden wir die Seriennummern an diese Adresse, und nur dorthin.
lost-email-label = E-Mail-Adresse
lost-submit = Meine Seriennummern senden
lost-sending = Wird gesendet…
lost-sent = Wenn { $email } der technische Kontakt von Lizenzen ist, sind deren Seriennummern unterwegs dorthin. Sehen Sie in einigen Minuten in diesem Postfach nach, auch im Spam-Ordner.
lost-not-email = Das ist keine E-Mail-Adresse. Prüfen Sie sie, zum Beispiel it@firma.example.
lost-limited = Im Moment zu viele Anfragen. Versuchen Sie es in einer Stunde erneut.
lost-failed = Die Anfrage konnte nicht gesendet werden. Prüfen Sie die Verbindung und versuchen Sie es erneut; wenn es weiter fehlschlägt, schreiben Sie dem Support.
lost-back = Zurück zur Eingabe eines Anforderungscodes
