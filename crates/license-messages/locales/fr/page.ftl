### Ce que seule la page du client dit d'une demande qu'elle a faite.

page-network = le code n'a pas pu être envoyé : cet appareil semble hors ligne, ou le serveur est injoignable
    .title = Pas de connexion au serveur de licences
    .next = Vérifiez la connexion internet, puis appuyez à nouveau sur Soumettre le code. Votre code est conservé.
page-offline = cet appareil est hors ligne, le code n'a donc pas pu être envoyé
    .title = Vous êtes hors ligne
    .next = Votre code est conservé : il sera envoyé automatiquement dès le retour de la connexion, ou appuyez à nouveau sur Soumettre le code.
page-bad_answer = { $what }
    .title = Réponse inattendue du serveur de licences
    .next = Réessayez dans une minute ; si le problème persiste, contactez le support.
page-keys_failed = les clés de l'éditeur n'ont pas pu être chargées ({ $reason }) : cette page ne peut donc pas confirmer que la réponse est authentique
    .title = La réponse n'a pas pu être vérifiée
    .next = Réessayez ; le code est conservé.
page-signature_failed = ne la saisissez pas : { $reason }
    .title = La signature de la réponse n'est pas valide
    .next = Soumettez à nouveau le code ; si l'erreur se reproduit, contactez le support en lui envoyant le code de demande.
page-starts_like = ceci commence comme { $kind ->
        [serial] un numéro de série
        [response] un code de réponse
        [release] un code de libération
       *[request] un code de demande
    } (les codes de demande commencent par H)
page-release_recognised = Ceci est un code de libération : le soumettre libère la place de l'ordinateur sur lequel le programme tournait, pour que vous puissiez l'installer sur un autre ordinateur.
page-released = La place de l'ancien ordinateur est libre : la licence { $serial } de { $product } utilise maintenant { $used } sur { $allowed ->
        [one] { $allowed } installation
       *[other] { $allowed } installations
    }.
page-already_released = Cet ordinateur a déjà été libéré le { $date } : la licence { $serial } de { $product } utilise { $used } sur { $allowed ->
        [one] { $allowed } installation
       *[other] { $allowed } installations
    }.
page-release_next = Sur le nouvel ordinateur : installez { $product } avec votre numéro de série { $serial }, puis utilisez Create Code et saisissez le code de demande sur cette page.
