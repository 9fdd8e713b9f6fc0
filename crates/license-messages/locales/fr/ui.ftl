### Les textes de la page du client : titres, libellés, boutons et lignes d'état.

## La page du client (code.html)

ui-code-title = Mise à niveau de licence : saisissez votre code de demande
ui-code-heading = Obtenez votre mise à niveau de licence
ui-code-lead = Saisissez le code de demande créé par votre programme (Create Code). Vous recevez en retour un code de réponse à saisir dans le programme.
ui-request-label = Code de demande
ui-request-help = Le code obtenu avec Create Code dans votre programme. Les espaces, tirets, retours à la ligne, majuscules et minuscules n'ont pas d'importance.
ui-request-file = Ouvrir Step_1_Code.TXT
ui-status-empty = Tapez ou collez le code de demande, ou ouvrez le fichier Step_1_Code.TXT.
ui-status-incomplete = { $complete } { $complete ->
        [one] groupe complet
       *[other] groupes complets
    } sur { $total }. Continuez la saisie.
ui-status-valid = Le code est complet et correct. Vous pouvez le soumettre.
ui-status-release-incomplete = Un code de libération : { $complete } { $complete ->
        [one] groupe complet
       *[other] groupes complets
    } sur { $total }. Continuez la saisie.
ui-file-unreadable = Le fichier { $file } n'a pas pu être lu. Ouvrez-le dans un éditeur de texte et collez le code ici.
ui-file-too-large = Le fichier { $file } fait { $size } Ko, trop pour être un fichier de code de demande. Choisissez Step_1_Code.TXT, le fichier enregistré par Create Code (quelques lignes de texte).
ui-submit = Soumettre le code
ui-sending = Envoi…
ui-decode-link = Support : décoder un code
ui-lost-link = Numéro de série perdu ?
ui-language = Langue
ui-checking-signature = Vérification de la signature de la réponse…
ui-what-to-do = Que faire :
ui-try-again = Réessayer
ui-response-heading = Votre code de réponse
ui-already-issued = Déjà délivré le { $date } : c'est le même code de réponse que la dernière fois.
ui-mailed-to = Une copie a été envoyée par e-mail au contact technique enregistré, { $to }.
ui-verified = Signé par l'éditeur (clé { $key_id }) et vérifié sur cet appareil.
ui-changes-heading = Ce qui change
ui-no-changes = Rien ne change : le programme reçoit l'état le plus récent.
ui-response-label = Code de réponse
ui-copy = Copier
ui-save = Enregistrer dans un fichier
ui-copied = Copié.
ui-copy-refused = La copie n'est pas autorisée ici : sélectionnez le code et copiez-le, ou utilisez Enregistrer dans un fichier.
ui-saved = Enregistré sous Step_2_Response_Code.TXT dans vos téléchargements.
ui-save-refused = Ce navigateur n'a pas enregistré le fichier : utilisez Copier, ou sélectionnez le code et copiez-le.
ui-qr-label = QR code du code de réponse
ui-qr-caption = Scannez-le avec la caméra du programme, ou présentez-le à la webcam de l'ordinateur.
ui-enter-in-program = Dans le programme : Help → Registration Info → Retrieve a waiting License Upgrade → Enter Code. La mise à niveau est installée immédiatement, sans redémarrage.
ui-released-heading = Licence libérée
ui-not-found = Page introuvable
ui-enter-request = Saisir un code de demande
