<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>CreateProfilePage</name>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Création et chiffrement du carnet…</source>
        <translation>Creating and encrypting the record…</translation>
    </message>
    <message>
        <source>Le carnet n&apos;a pas pu être créé ; rien n&apos;a été enregistré.</source>
        <translation>The record could not be created; nothing was saved.</translation>
    </message>
    <message>
        <source>Créer un carnet sur cet ordinateur</source>
        <translation>Create a record on this computer</translation>
    </message>
    <message>
        <source>Votre carnet sera chiffré avec votre mot de passe. Choisissez une phrase facile à retenir pour vous et difficile à deviner : au moins 12 caractères, par exemple plusieurs mots.</source>
        <translation>Your record will be encrypted with your password. Choose a phrase that is easy for you to remember and hard to guess: at least 12 characters, for example several words.</translation>
    </message>
    <message>
        <source>&amp;Nom du carnet :</source>
        <translation>&amp;Record name:</translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Confirmer :</source>
        <translation>&amp;Confirm:</translation>
    </message>
    <message>
        <source>Créer le &amp;carnet</source>
        <translation>Create the &amp;record</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Nom du carnet</source>
        <translation>Record name</translation>
    </message>
    <message>
        <source>Par exemple votre prénom et votre nom.</source>
        <translation>For example your first name and surname.</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Le mot de passe qui chiffre ce carnet.</source>
        <translation>The password that encrypts this record.</translation>
    </message>
    <message>
        <source>Confirmer le mot de passe</source>
        <translation>Confirm the password</translation>
    </message>
    <message>
        <source>Saisissez-le une seconde fois.</source>
        <translation>Type it a second time.</translation>
    </message>
    <message>
        <source>Créer le carnet</source>
        <translation>Create the record</translation>
    </message>
    <message>
        <source>Créer et chiffrer le carnet.</source>
        <translation>Create and encrypt the record.</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Revenir à l&apos;écran d&apos;accueil.</source>
        <translation>Go back to the welcome screen.</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Choisissez un document dans la liste pour l&apos;afficher ici.</source>
        <translation>Choose a document in the list to show it here.</translation>
    </message>
    <message>
        <source>Ce format ne peut pas être affiché dans Carnet.</source>
        <translation>This format cannot be shown in Carnet.</translation>
    </message>
    <message>
        <source>Aucun document affiché</source>
        <translation>No document shown</translation>
    </message>
    <message>
        <source>Visionneuse de document</source>
        <translation>Document viewer</translation>
    </message>
    <message>
        <source>Document PDF</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>Image du document</source>
        <translation>Document image</translation>
    </message>
    <message>
        <source>Texte du document</source>
        <translation>Document text</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Moi</source>
        <translation>Me</translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation>A health professional</translation>
    </message>
    <message>
        <source>L&apos;Assurance Maladie</source>
        <translation>The health insurer</translation>
    </message>
    <message>
        <source>Le service Carnet</source>
        <translation>The Carnet service</translation>
    </message>
    <message>
        <source>Masqué aux professionnels</source>
        <translation>Hidden from professionals</translation>
    </message>
    <message>
        <source>Visible des professionnels autorisés</source>
        <translation>Visible to authorised professionals</translation>
    </message>
    <message>
        <source>Ajouter un document</source>
        <translation>Add a document</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;Tous les fichiers (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;All files (*)</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Confidentialité</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Ajouter « %1 »</source>
        <translation>Add “%1”</translation>
    </message>
    <message>
        <source>Le document « %1 » ne sera plus visible des professionnels de santé.</source>
        <translation>The document “%1” will no longer be visible to health professionals.</translation>
    </message>
    <message>
        <source>Son auteur, votre médecin traitant et vos administrateurs le verront encore.</source>
        <translation>Its author, your GP and your administrators will still see it.</translation>
    </message>
    <message>
        <source>Vous pourrez le démasquer à tout moment.</source>
        <translation>You can unhide it at any time.</translation>
    </message>
    <message>
        <source>Masquer ce document ?</source>
        <translation>Hide this document?</translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Le document « %1 » sera de nouveau visible des professionnels que vous avez autorisés.</source>
        <translation>The document “%1” will be visible again to the professionals you authorised.</translation>
    </message>
    <message>
        <source>Démasquer ce document ?</source>
        <translation>Unhide this document?</translation>
    </message>
    <message>
        <source>Démasquer</source>
        <translation>Unhide</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Le document « %1 » sera supprimé de votre carnet. Cette action ne peut pas être annulée.</source>
        <translation>The document “%1” will be deleted from your record. This cannot be undone.</translation>
    </message>
    <message>
        <source>Supprimer ce document ?</source>
        <translation>Delete this document?</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être lu. Vérifiez qu&apos;il existe toujours et réessayez.</source>
        <translation>The file could not be read. Check that it still exists and try again.</translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
    <message>
        <source>&amp;Démasquer</source>
        <translation>Un&amp;hide</translation>
    </message>
    <message>
        <source>&amp;Masquer</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>Ajouté par : %1 · %2</source>
        <translation>Added by: %1 · %2</translation>
    </message>
    <message>
        <source>Ce document ne peut pas être supprimé, seulement masqué.</source>
        <translation>This document cannot be deleted, only hidden.</translation>
    </message>
    <message>
        <source>Les documents ajoutés par un professionnel ou l&apos;Assurance Maladie ne peuvent être que masqués.</source>
        <translation>Documents added by a professional or the health insurer can only be hidden.</translation>
    </message>
    <message>
        <source>Supprimer le document choisi.</source>
        <translation>Delete the chosen document.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>&amp;Catégorie :</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>Toutes les catégories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>&amp;Ajouter un document…</source>
        <translation>&amp;Add a document…</translation>
    </message>
    <message>
        <source>A&amp;fficher</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Vous pouvez aussi glisser un fichier dans cette fenêtre.</source>
        <translation>You can also drag a file into this window.</translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Caté&amp;gorie :</source>
        <translation>Cate&amp;gory:</translation>
    </message>
    <message>
        <source>Date du &amp;document :</source>
        <translation>&amp;Document date:</translation>
    </message>
    <message>
        <source>&amp;Enregistrer le document</source>
        <translation>&amp;Save the document</translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Filtrer par catégorie</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>N&apos;afficher que les documents de cette catégorie.</source>
        <translation>Show only the documents of this category.</translation>
    </message>
    <message>
        <source>Liste des documents</source>
        <translation>List of documents</translation>
    </message>
    <message>
        <source>Entrée pour afficher le document choisi.</source>
        <translation>Enter to view the chosen document.</translation>
    </message>
    <message>
        <source>Choisir un fichier PDF, une image ou un texte.</source>
        <translation>Choose a PDF file, an image or a text.</translation>
    </message>
    <message>
        <source>Afficher</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Afficher le document choisi dans Carnet.</source>
        <translation>View the chosen document in Carnet.</translation>
    </message>
    <message>
        <source>Masquer ou démasquer</source>
        <translation>Hide or unhide</translation>
    </message>
    <message>
        <source>Cacher le document aux professionnels, ou le montrer.</source>
        <translation>Hide the document from professionals, or show it.</translation>
    </message>
    <message>
        <source>Titre du document</source>
        <translation>Document title</translation>
    </message>
    <message>
        <source>Catégorie du document</source>
        <translation>Document category</translation>
    </message>
    <message>
        <source>Date du document</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>Enregistrer le document</source>
        <translation>Save the document</translation>
    </message>
    <message>
        <source>Chiffrer et ranger le fichier dans le carnet.</source>
        <translation>Encrypt the file and keep it in the record.</translation>
    </message>
    <message>
        <source>Ne pas ajouter ce fichier.</source>
        <translation>Do not add this file.</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Profil médical</source>
        <translation>Medical profile</translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Rubriques du carnet</source>
        <translation>Sections of the record</translation>
    </message>
    <message>
        <source>Ctrl+1 à Ctrl+5 pour changer de rubrique.</source>
        <translation>Ctrl+1 to Ctrl+5 to change section.</translation>
    </message>
</context>
<context>
    <name>EntryColumns</name>
    <message>
        <source>Rubrique</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>JJ/MM/AAAA, MM/AAAA ou AAAA</source>
        <translation>DD/MM/YYYY, MM/YYYY or YYYY</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA HH:MM</source>
        <translation>DD/MM/YYYY HH:MM</translation>
    </message>
    <message>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <source>L&apos;enregistrement a échoué ; vos saisies sont conservées.</source>
        <translation>Saving failed; what you typed is kept.</translation>
    </message>
    <message>
        <source>&amp;Ajouter</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Vider le formulaire</source>
        <translation>C&amp;lear the form</translation>
    </message>
    <message>
        <source>Enregistrer cet élément dans « %1 ».</source>
        <translation>Save this item in “%1”.</translation>
    </message>
    <message>
        <source>Vider le formulaire</source>
        <translation>Clear the form</translation>
    </message>
    <message>
        <source>Effacer les champs saisis.</source>
        <translation>Erase the fields typed in.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Accueil — carnet de %1</source>
        <translation>Home — record of %1</translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n élément(s) dans le profil médical</source>
        <translation>
            <numerusform>%n item in the medical profile</numerusform>
            <numerusform>%n items in the medical profile</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronisation : hors ligne — vos données restent sur cet ordinateur.</source>
        <translation>Sync: offline — your data stays on this computer.</translation>
    </message>
    <message>
        <source>&amp;Derniers éléments ajoutés ou modifiés</source>
        <translation>&amp;Latest items added or changed</translation>
    </message>
    <message>
        <source>Derniers éléments</source>
        <translation>Latest items</translation>
    </message>
    <message>
        <source>Les éléments du carnet, du plus récent au plus ancien.</source>
        <translation>The items of the record, newest first.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Carnet verrouillé</source>
        <translation>Record locked</translation>
    </message>
    <message>
        <source>Carnet ouvert : %1</source>
        <translation>Record open: %1</translation>
    </message>
    <message>
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>État du carnet</source>
        <translation>Record state</translation>
    </message>
    <message>
        <source>État de la synchronisation</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <source>Hors ligne : le service en ligne n&apos;est pas encore joignable.</source>
        <translation>Offline: the online service cannot be reached yet.</translation>
    </message>
    <message>
        <source>Carnet — mon carnet de santé</source>
        <translation>Carnet — my health record</translation>
    </message>
    <message>
        <source>&amp;Carnet</source>
        <translation>&amp;Carnet</translation>
    </message>
    <message>
        <source>&amp;Verrouiller</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Verrouiller le carnet maintenant (Ctrl+L)</source>
        <translation>Lock the record now (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <source>&amp;Contraste élevé</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <source>&amp;Langue</source>
        <translation>Lan&amp;guage</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message numerus="yes">
        <source>%n mesure(s) sur le graphique</source>
        <translation>
            <numerusform>%n measurement on the chart</numerusform>
            <numerusform>%n measurements on the chart</numerusform>
        </translation>
    </message>
    <message>
        <source>Systolique</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>Diastolique</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>&amp;Mesure :</source>
        <translation>&amp;Measurement:</translation>
    </message>
    <message>
        <source>Ajouter une mesure : %1</source>
        <translation>Add a measurement: %1</translation>
    </message>
    <message>
        <source>Aucune mesure « %1 » pour l&apos;instant.</source>
        <translation>No “%1” measurement yet.</translation>
    </message>
    <message>
        <source>Type de mesure</source>
        <translation>Measurement type</translation>
    </message>
    <message>
        <source>Choisissez la mesure à afficher.</source>
        <translation>Choose the measurement to show.</translation>
    </message>
    <message>
        <source>Historique des mesures</source>
        <translation>Measurement history</translation>
    </message>
    <message>
        <source>Graphique des mesures</source>
        <translation>Measurement chart</translation>
    </message>
</context>
<context>
    <name>PasswordStrengthMeter</name>
    <message>
        <source>Saisissez un mot de passe</source>
        <translation>Type a password</translation>
    </message>
    <message>
        <source>Très faible</source>
        <translation>Very weak</translation>
    </message>
    <message>
        <source>Faible</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>Moyen</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Bon</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>%1 — pas encore accepté</source>
        <translation>%1 — not accepted yet</translation>
    </message>
    <message>
        <source>%1 — accepté</source>
        <translation>%1 — accepted</translation>
    </message>
    <message>
        <source>Solidité du mot de passe</source>
        <translation>Password strength</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Modifier l&apos;élément</source>
        <translation>Edit the item</translation>
    </message>
    <message>
        <source>L&apos;élément « %1 » sera supprimé de votre profil médical.</source>
        <translation>The item “%1” will be deleted from your medical profile.</translation>
    </message>
    <message>
        <source>Supprimer cet élément ?</source>
        <translation>Delete this item?</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
    <message>
        <source>Profil médical</source>
        <translation>Medical profile</translation>
    </message>
    <message>
        <source>Ajouter dans « %1 »</source>
        <translation>Add to “%1”</translation>
    </message>
    <message>
        <source>&amp;Modifier</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Non concerné</source>
        <translation>&amp;Not concerned</translation>
    </message>
    <message>
        <source>Rubriques du profil médical</source>
        <translation>Sections of the medical profile</translation>
    </message>
    <message>
        <source>Choisissez une rubrique.</source>
        <translation>Choose a section.</translation>
    </message>
    <message>
        <source>Éléments de la rubrique %1</source>
        <translation>Items of the section %1</translation>
    </message>
    <message>
        <source>Entrée pour modifier l&apos;élément choisi.</source>
        <translation>Enter to edit the chosen item.</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Modifier l&apos;élément choisi dans le formulaire.</source>
        <translation>Edit the chosen item in the form.</translation>
    </message>
    <message>
        <source>Supprimer l&apos;élément choisi.</source>
        <translation>Delete the chosen item.</translation>
    </message>
    <message>
        <source>Non concerné</source>
        <translation>Not concerned</translation>
    </message>
    <message>
        <source>Indiquer que vous n&apos;êtes pas concerné par « %1 ».</source>
        <translation>State that “%1” does not concern you.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Clé de secours Carnet : %1</source>
        <translation>Carnet recovery key: %1</translation>
    </message>
    <message>
        <source>Votre clé de secours</source>
        <translation>Your recovery key</translation>
    </message>
    <message>
        <source>Si vous oubliez votre mot de passe, cette clé est le seul moyen d&apos;ouvrir votre carnet. Imprimez-la ou recopiez-la et rangez-la en lieu sûr.</source>
        <translation>If you forget your password, this key is the only way to open your record. Print it or copy it out and keep it somewhere safe.</translation>
    </message>
    <message>
        <source>Elle ne sera plus affichée ensuite.</source>
        <translation>It will not be shown again.</translation>
    </message>
    <message>
        <source>&amp;Imprimer</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>J&apos;ai &amp;noté ma clé, continuer</source>
        <translation>I have &amp;noted my key, continue</translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Imprimer la clé de secours.</source>
        <translation>Print the recovery key.</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Ouvrir mon carnet ; la clé ne sera plus affichée.</source>
        <translation>Open my record; the key will not be shown again.</translation>
    </message>
</context>
<context>
    <name>ServiceUnavailablePage</name>
    <message>
        <source>Activer Mon espace santé</source>
        <translation>Activate Mon espace santé</translation>
    </message>
    <message>
        <source>Me connecter à mon compte</source>
        <translation>Log in to my account</translation>
    </message>
    <message>
        <source>M&apos;opposer à la création de mon espace</source>
        <translation>Object to the creation of my space</translation>
    </message>
    <message>
        <source>Le service en ligne n&apos;est pas joignable pour le moment : cette démarche a besoin d&apos;une connexion au service Carnet. Rien n&apos;a été envoyé ni enregistré.</source>
        <translation>The online service cannot be reached at the moment: this step needs a connection to the Carnet service. Nothing was sent or saved.</translation>
    </message>
    <message>
        <source>Vous pouvez réessayer plus tard, ou créer dès maintenant un carnet sur cet ordinateur : il fonctionne sans connexion.</source>
        <translation>You can try again later, or create a record on this computer now: it works offline.</translation>
    </message>
    <message>
        <source>&amp;Retour à l&apos;accueil</source>
        <translation>&amp;Back to the welcome screen</translation>
    </message>
    <message>
        <source>Retour à l&apos;accueil</source>
        <translation>Back to the welcome screen</translation>
    </message>
    <message>
        <source>Revenir aux choix de l&apos;écran d&apos;accueil.</source>
        <translation>Go back to the choices of the welcome screen.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Vous avez ouvert votre carnet avec la clé de secours : choisissez un nouveau mot de passe.</source>
        <translation>You opened your record with the recovery key: choose a new password.</translation>
    </message>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Vérification du mot de passe actuel…</source>
        <translation>Checking the current password…</translation>
    </message>
    <message>
        <source>Votre mot de passe a été changé.</source>
        <translation>Your password was changed.</translation>
    </message>
    <message>
        <source>Le mot de passe actuel est incorrect : rien n&apos;a été changé.</source>
        <translation>The current password is wrong: nothing was changed.</translation>
    </message>
    <message>
        <source>Le mot de passe n&apos;a pas pu être changé ; l&apos;ancien reste valable.</source>
        <translation>The password could not be changed; the old one still works.</translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Affichage et langue</source>
        <translation>Display and language</translation>
    </message>
    <message>
        <source>Sécurité</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Mot de passe &amp;actuel :</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;Nouveau mot de passe :</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Confirmer :</source>
        <translation>&amp;Confirm:</translation>
    </message>
    <message>
        <source>C&amp;hanger le mot de passe</source>
        <translation>C&amp;hange the password</translation>
    </message>
    <message>
        <source>&amp;Taille du texte :</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <source>Contraste é&amp;levé</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <source>Lan&amp;gue :</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <source>&amp;Verrouiller après (minutes d&apos;inactivité) :</source>
        <translation>&amp;Lock after (minutes of inactivity):</translation>
    </message>
    <message>
        <source>Mot de passe actuel</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Saisissez d&apos;abord le mot de passe actuel.</source>
        <translation>First type the current password.</translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Confirmer le nouveau mot de passe</source>
        <translation>Confirm the new password</translation>
    </message>
    <message>
        <source>Changer le mot de passe</source>
        <translation>Change the password</translation>
    </message>
    <message>
        <source>Remplacer le mot de passe ; vos données ne sont pas rechiffrées.</source>
        <translation>Replace the password; your data is not re-encrypted.</translation>
    </message>
    <message>
        <source>Taille du texte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>De 100 à 200 pour cent.</source>
        <translation>From 100 to 200 percent.</translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Texte blanc sur fond noir.</source>
        <translation>White text on a black background.</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Langue de l&apos;interface.</source>
        <translation>Language of the interface.</translation>
    </message>
    <message>
        <source>Délai de verrouillage</source>
        <translation>Lock delay</translation>
    </message>
    <message>
        <source>Le carnet se verrouille après ce nombre de minutes sans activité.</source>
        <translation>The record locks after this many minutes without activity.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Aucun carnet n&apos;existe encore sur cet ordinateur. Revenez à l&apos;accueil pour en créer un.</source>
        <translation>No record exists on this computer yet. Go back to the welcome screen to create one.</translation>
    </message>
    <message>
        <source>Saisissez votre mot de passe.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <source>Ouverture du carnet…</source>
        <translation>Opening the record…</translation>
    </message>
    <message>
        <source>Le carnet n&apos;a pas pu être ouvert. Réessayez ; si cela persiste, redémarrez Carnet.</source>
        <translation>The record could not be opened. Try again; if it persists, restart Carnet.</translation>
    </message>
    <message>
        <source>Ouvrir mon carnet</source>
        <translation>Open my record</translation>
    </message>
    <message>
        <source>Votre carnet est chiffré sur cet ordinateur. Saisissez votre mot de passe.</source>
        <translation>Your record is encrypted on this computer. Type your password.</translation>
    </message>
    <message>
        <source>&amp;Carnet :</source>
        <translation>&amp;Record:</translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Clé de &amp;secours :</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <source>J&apos;ai &amp;oublié mon mot de passe : utiliser ma clé de secours</source>
        <translation>I &amp;forgot my password: use my recovery key</translation>
    </message>
    <message>
        <source>Utiliser la clé de secours</source>
        <translation>Use the recovery key</translation>
    </message>
    <message>
        <source>Ouvrir le carnet avec la clé de secours imprimée à sa création, puis choisir un nouveau mot de passe.</source>
        <translation>Open the record with the recovery key printed when it was created, then choose a new password.</translation>
    </message>
    <message>
        <source>&amp;Déverrouiller</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Carnet à ouvrir</source>
        <translation>Record to open</translation>
    </message>
    <message>
        <source>Choisissez le carnet de la personne.</source>
        <translation>Choose the person&apos;s record.</translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>La clé imprimée à la création du carnet.</source>
        <translation>The key printed when the record was created.</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Le mot de passe de ce carnet.</source>
        <translation>The password of this record.</translation>
    </message>
    <message>
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Ouvrir le carnet avec ce mot de passe.</source>
        <translation>Open the record with this password.</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Revenir à l&apos;écran d&apos;accueil.</source>
        <translation>Go back to the welcome screen.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Bienvenue dans Carnet</source>
        <translation>Welcome to Carnet</translation>
    </message>
    <message>
        <source>Votre carnet de santé personnel, chiffré sur cet ordinateur. Choisissez ce que vous souhaitez faire.</source>
        <translation>Your personal health record, encrypted on this computer. Choose what you want to do.</translation>
    </message>
    <message>
        <source>J&apos;ai reçu mon &amp;code d&apos;activation</source>
        <translation>I received my activation &amp;code</translation>
    </message>
    <message>
        <source>Activer Mon espace santé avec le code reçu par courrier ou par e-mail.</source>
        <translation>Activate Mon espace santé with the code received by post or e-mail.</translation>
    </message>
    <message>
        <source>J&apos;ai &amp;déjà un compte</source>
        <translation>I &amp;already have an account</translation>
    </message>
    <message>
        <source>Me connecter au service et installer mon carnet sur cet ordinateur.</source>
        <translation>Log in to the service and set up my record on this computer.</translation>
    </message>
    <message>
        <source>&amp;Ouvrir mon carnet</source>
        <translation>&amp;Open my record</translation>
    </message>
    <message>
        <source>Ouvrir le carnet déjà présent sur cet ordinateur, même sans connexion.</source>
        <translation>Open the record already on this computer, even offline.</translation>
    </message>
    <message>
        <source>Je ne veux &amp;pas de Mon espace</source>
        <translation>I do &amp;not want Mon espace</translation>
    </message>
    <message>
        <source>M&apos;opposer à la création de mon espace santé.</source>
        <translation>Object to the creation of my health space.</translation>
    </message>
    <message>
        <source>C&amp;réer un carnet sur cet ordinateur</source>
        <translation>C&amp;reate a record on this computer</translation>
    </message>
    <message>
        <source>Commencer un carnet personnel, sans compte en ligne pour l&apos;instant.</source>
        <translation>Start a personal record, without an online account for now.</translation>
    </message>
</context>
</TS>
