### L'e-mail que le serveur de licences envoie au contact technique d'une licence.

mail-response-subject = Code de réponse pour { $product } (licence { $serial })
mail-response-intro = Voici le code de réponse pour { $product }, licence { $serial }.
mail-why-issued = Il répond à un code de demande soumis { $channel ->
        [console] en votre nom par notre équipe de support
       *[portal] sur la page de licences
    }.
mail-why-resend = Notre équipe de support vous l'a renvoyé.
mail-why-mail_in = Il répond au code de demande reçu par e-mail.
mail-changes = Ce qui change :
mail-no-changes = Rien ne change : le programme reçoit l'état le plus récent.
mail-code-heading = Code de réponse :
mail-enter = Dans le programme : Help → Registration Info → Retrieve a waiting License Upgrade → Enter Code, puis collez le code ci-dessus, ouvrez le fichier joint Step_2_Response_Code.TXT, ou présentez le QR code à la webcam de l'ordinateur. La mise à niveau est installée immédiatement, sans redémarrage.
mail-request-heading = Il répond à ce code de demande :
mail-qr-alt = QR code du code de réponse
mail-footer = Vous recevez ce message parce que vous êtes le contact technique enregistré pour la licence { $serial }. Le code ne fonctionne que sur l'ordinateur qui a créé le code de demande : il ne peut servir à personne d'autre.

## Un code de demande reçu par e-mail auquel il n'a pas pu être répondu :
## l'avis va au contact de la licence, jamais à l'expéditeur.

mail-notice-subject = Votre code de demande pour la licence { $serial } n'a pas pu être traité
mail-notice-intro = Un message envoyé à notre adresse de licences au sujet de la licence { $serial } n'a pas pu être traité : { $reason }.
mail-notice-next = Que faire : { $next }
mail-notice-no-code = il ne contient aucun code de demande complet
mail-notice-no-code-next = Renvoyez le code de demande : dans le programme, Help → Registration Info → Create Code, puis collez le code entier (huit groupes, commençant par H) dans le message, ou joignez le fichier enregistré Step_1_Code.TXT. Vous pouvez aussi le soumettre sur la page de licences.
mail-notice-sender = Le message venait de { $sender }.

## When a licence is created: the purchase confirmation with the serial
## number, to the technical contact.

mail-license-subject = Votre licence { $product } : numéro de série { $serial }
mail-license-intro = Merci pour votre achat. Votre licence { $product } est prête.
mail-license-serial = Numéro de série : { $serial }
mail-license-registration-code = Code d'enregistrement : { $code } (le programme le demande une fois, avec le numéro de série, lors de son premier enregistrement sur un ordinateur ; conservez-le avec le numéro de série et ne le donnez à personne d'autre)
mail-license-installations = Elle peut être installée sur { $max ->
        [one] { $max } ordinateur
       *[other] { $max } ordinateurs
    }.
mail-license-bought = Ce que vous avez acheté :
mail-license-keep = Conservez ce numéro de série en lieu sûr : le programme le demande lors de l'enregistrement, et le support le demande quand vous nous écrivez.
mail-license-register = Pour l'enregistrer : installez le programme et saisissez le numéro de série, puis choisissez Help → Registration Info → Retrieve a waiting License Upgrade. Si l'ordinateur a accès à Internet, cliquez sur Get it now. Sinon, cliquez sur Create Code, soumettez le code sur { $portal } depuis n'importe quel appareil, ou envoyez-le par e-mail à cette adresse, puis saisissez le code de réponse avec Enter Code.

## When an upgrade is queued.

mail-upgrade-subject = Votre mise à niveau de { $product } (licence { $serial }) est prête
mail-upgrade-intro = La mise à niveau que vous avez commandée pour { $product }, licence { $serial }, est prête.
mail-upgrade-how = Pour l'installer, choisissez dans le programme Help → Registration Info → Retrieve a waiting License Upgrade :
mail-upgrade-online = Si l'ordinateur a accès à Internet, cliquez sur Get it now : la mise à niveau est installée aussitôt, rien d'autre à faire.
mail-upgrade-offline = Sinon, cliquez sur Create Code, soumettez le code sur { $portal } depuis n'importe quel appareil, ou envoyez-le par e-mail à cette adresse, puis saisissez le code de réponse avec Enter Code. La mise à niveau est installée aussitôt, sans redémarrage.
mail-portal-unknown = notre page de licences
mail-contact-footer = Vous recevez ce message parce que vous êtes le contact technique enregistré pour la licence { $serial }.

## A reminder: an upgrade no installation has fetched after some days.

mail-reminder-subject = Rappel : votre mise à niveau de { $product } (licence { $serial }) vous attend
mail-reminder-intro = Un rappel : la mise à niveau de { $product }, licence { $serial }, est prête depuis le { $since }, et aucun ordinateur ne l'a encore récupérée.

# The answer to "Lost your serial number?" (POST /api/v1/serials/lookup).
mail-lost-subject = { $count ->
    [one] Votre numéro de série
   *[other] Vos numéros de série
}
mail-lost-intro = Quelqu'un, sans doute vous, a demandé les numéros de série des licences dont cette adresse est le contact technique. { $count ->
    [one] Le voici :
   *[other] Les voici :
}
mail-lost-line = { $product } : { $serial }
mail-lost-line-code = { $product } : { $serial }, code d'enregistrement { $code }
mail-lost-ignore = Si vous n'avez rien demandé, ignorez ce message : il n'a été envoyé qu'à cette adresse, et rien n'a changé.
mail-lost-footer = Vous recevez ce message parce que cette adresse est le contact technique enregistré pour ces licences.
