### Les textes de la page du client et de la page de décodage.

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

## La page de décodage (support)

ui-decode-title = Décoder un code de licence
ui-decode-heading = Décoder un code
ui-decode-lead = Pour le support : tous les champs d'un numéro de série, d'un code de demande ou d'un code de réponse. Le décodage se fait dans ce navigateur ; rien n'est envoyé.
ui-decode-code = Code
ui-decode-answers = Le code de demande auquel il répond (facultatif : vérifie la signature d'une réponse)
ui-decode-empty = Collez un numéro de série, un code de demande ou un code de réponse.
ui-decode-failed = Ce code ne se décode pas
ui-decode-groups = Groupes tels que lus
ui-decoded-fields = Champs décodés
ui-field-kind = Type
ui-field-serial = Numéro de série
ui-field-serial-number = Numéro de série, en nombre
ui-field-product = Produit
ui-field-key-id = Identifiant (installation)
ui-field-key-id-released = Identifiant (installation libérée)
ui-field-counter = Compteur de mises à jour détenu
ui-field-digest = Empreinte des droits
ui-field-created = Créé le
ui-field-proof = Preuve
ui-field-for-installation = Pour l'installation
ui-field-update = Mise à jour
ui-field-issued = Délivré le
ui-field-signed-with = Signé avec
ui-field-signature = Signature
ui-kind-format = { $kind ->
        [serial] Numéro de série
        [response] Code de réponse
        [release] Code de libération
       *[request] Code de demande
    } (format { $version })
ui-unknown-product = { $id } (produit inconnu)
ui-proof = { $proof } (le serveur la compare à la réponse que détient cette installation)
ui-key-id-starting = identifiant commençant par { $tag }
ui-vendor-key = clé { $key_id } de l'éditeur{ $trusted ->
        [yes] {" "}(de confiance)
        [no] {" "}(PAS une clé de cet éditeur)
       *[unknown] {""}
    }
ui-signature-no-keys = Non vérifiée : les clés de l'éditeur ne sont pas chargées.
ui-signature-no-request = Non vérifiée : collez ci-dessous le code de demande auquel elle répond.
ui-signature-verified = Vérifiée pour le numéro de série { $serial } et l'identifiant { $key_id }.
ui-signature-other-installation = Ne correspond pas : ce code de demande vient de l'identifiant { $key_id }, cette réponse est destinée à un identifiant commençant par { $tag }.
ui-signature-failed = Non valide : { $reason }.
