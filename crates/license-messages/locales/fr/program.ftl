### Les erreurs propres au programme sous licence (la commande `license`, la bibliothèque).

program-already_applied = TOO_OLD : ce code de réponse a déjà été appliqué (mise à jour { $to_counter }) ; la licence en est à la mise à jour { $counter }
    .title = Déjà appliqué
    .next = Rien à faire : la mise à jour est installée. Vérifiez avec `license status`.
    .next-user = Rien à faire : la mise à jour est installée.
program-no_license = aucun fichier de licence à l'emplacement { $path }
    .title = Aucune licence
    .next = Lancez d'abord `license init --serial SERIAL --product PRODUCT`, ou indiquez le fichier de licence avec --license-file (LICENSE_FILE).
    .next-user = Enregistrez d'abord le programme avec le numéro de série de la confirmation d'achat.
program-license_exists = un fichier de licence existe déjà à l'emplacement { $path }
    .title = Une licence existe déjà
    .next = Utilisez la licence existante (license status), ou choisissez un autre --license-file.
    .next-user = Le programme est déjà enregistré sur cet ordinateur : utilisez sa licence telle quelle.
program-corrupt_license = le fichier de licence { $path } est illisible : { $reason }
    .title = Fichier de licence illisible
    .next = Restaurez le fichier de licence depuis une sauvegarde, ou contactez le support en indiquant votre numéro de série.
program-copied_license = le fichier de licence { $path } a été créé sur un autre ordinateur
    .title = Une licence d'un autre ordinateur
    .next = Une licence est liée à l'ordinateur sur lequel elle a été installée. Installez-la avec votre numéro de série sur cet ordinateur (license init) et activez-la ici.
    .next-user = Une licence est liée à l'ordinateur sur lequel elle a été installée. Enregistrez le programme sur cet ordinateur avec votre numéro de série et activez-le ici.
program-tampered_license = le fichier de licence { $path } ne correspond pas à la réponse signée qu'il contient : { $reason ->
        [no_response] il annonce des mises à jour mais ne contient aucun code de réponse
        [unreadable] son code de réponse est illisible
        [another_installation] son code de réponse est destiné à une autre installation
        [signature] la signature de son code de réponse n'est pas valide
        [ledger] son registre des places ou la dernière heure qu'il a vue a été modifié
       *[differs] son compteur ou ses droits diffèrent de son code de réponse
    }
    .title = Un fichier de licence modifié
    .next = Restaurez le fichier de licence depuis une sauvegarde, ou créez un code de demande sur une nouvelle installation et contactez le support.
program-no_trust = aucune clé d'éditeur de confiance : { $reason }
    .title = Aucune clé d'éditeur
    .next = Passez --trust KEYFILE ou définissez LICENSE_TRUST avec le fichier de confiance de l'éditeur (ses clés publiques et ses produits).
    .next-user = Le programme est installé de façon incomplète : réinstallez-le, ou contactez le support de l'éditeur.
program-unknown_product = produit inconnu '{ $product }'
    .title = Produit inconnu
    .next = Indiquez le numéro du produit, ou un nom figurant dans le fichier de confiance.
    .next-user = Le programme est installé de façon incomplète : réinstallez-le, ou contactez le support de l'éditeur.
program-server_refused = le serveur de licences a refusé la demande : { $detail }
    .title = Refusé par le serveur de licences
    .next = { $next_step }
program-server_unreachable = le serveur de licences à l'adresse { $url } est injoignable : { $reason }
    .title = Pas de connexion au serveur de licences
    .next = Vérifiez la connexion internet et l'adresse du serveur ; ou utilisez `license create-code` et soumettez le code sur le portail de licences depuis n'importe quel appareil.
    .next-user = Vérifiez la connexion à Internet ; ou choisissez Créer un code et soumettez le code sur la page de licence de l'éditeur depuis n'importe quel appareil.
program-io = { $context } : { $reason }
    .title = Un fichier n'a pas pu être lu ou écrit
    .next = Vérifiez que le chemin existe et est accessible en écriture, puis réessayez.
program-released = cette licence a été libérée le { $on } : cet ordinateur a rendu sa place (code de libération { $code })
    .title = Libérée
    .next = Créez un nouveau code de demande sur le nouvel ordinateur : installez-y le programme avec votre numéro de série (license init), puis license create-code. `license release` affiche à nouveau le code de libération.
    .next-user = Installez le programme sur le nouvel ordinateur, enregistrez-le avec votre numéro de série et activez-le là-bas. Le code de libération s'affiche à nouveau si vous libérez encore une fois.
program-nothing_to_release = cette installation n'a jamais reçu de réponse (elle en est à la mise à jour 0) : il n'y a rien à libérer, et elle n'occupe aucune place sur la licence
    .title = Rien à libérer
    .next = Rien à faire : installez le programme sur le nouvel ordinateur avec votre numéro de série (license init) et activez-le là-bas.
    .next-user = Rien à faire : installez le programme sur le nouvel ordinateur, enregistrez-le avec votre numéro de série et activez-le là-bas.
program-unreadable_image = l'image { $path } est illisible : { $reason }
    .title = L'image est illisible
    .next = Fournissez une photo ou une capture d'écran PNG ou JPEG du QR code du code de réponse, ou tapez plutôt le code de réponse.
program-no_qr_code = aucun QR code n'a pu être lu dans l'image
    .title = Aucun QR code trouvé
    .next = Reprenez la photo avec le QR code entier dans le cadre, net et sans reflet, ou tapez plutôt le code de réponse.
program-several_qr_codes = l'image contient { $count } QR codes, et un seul peut être la réponse
    .title = Plusieurs QR codes
    .next = Photographiez le QR code du code de réponse seul, ou tapez plutôt le code de réponse.

program-no_seat_left = les { $count } places de { $entitlement } sont toutes prises ({ $used } occupées)
    .title = Plus de place libre
    .next = Libérez une place qu'un client n'utilise plus (license seats release), ou achetez-en d'autres : créez un code de demande (license create-code) et soumettez-le sur le portail de licences ; le nouveau nombre s'applique aussitôt.
    .next-user = Libérez une place qu'un client n'utilise plus, ou achetez-en d'autres : choisissez Créer un code et soumettez le code sur la page de licence de l'éditeur ; le nouveau nombre s'applique aussitôt.
program-unknown_entitlement = la licence n'a aucun nombre nommé '{ $entitlement }' dont on puisse occuper des places (ses nombres : { $counts })
    .title = Nombre inconnu
    .next = Nommez l'un des droits de type nombre de la licence, comme le fichier de confiance les nomme.
    .next-user = Le programme demande des places que la licence ne compte pas : contactez le support de l'éditeur.
program-bad_holder = le nom du détenteur de la place est inutilisable : { $reason }
    .title = Nom de détenteur inutilisable
    .next = Donnez à chaque client un nom de 1 à 200 caractères sans caractère de contrôle, le même à chaque demande.
    .next-user = Contactez le support de l'éditeur : le programme nomme ses clients d'une façon que la licence ne peut pas conserver.
program-clock_behind = l'horloge de l'ordinateur indique { $now }, mais cette licence a déjà vu { $latest_seen } : l'horloge retarde de plus de 48 heures
    .title = L'horloge retarde
    .next = Remettez l'horloge de l'ordinateur à l'heure (date, heure et fuseau horaire), puis réessayez.

## Comment la commande affiche une erreur (les deux lignes après un échec).

program-report-error = erreur : { $meaning }
    étape suivante : { $next_step }
