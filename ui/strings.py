"""Every UI string of GAN Studio, in English and French. Keys are 'page.item'; values use str.format fields."""

STRINGS: dict[str, dict[str, str]] = {
    # --- sidebar and shared ---
    "sidebar.device": {"en": "Computing on: {device}", "fr": "Calcul sur : {device}"},
    "sidebar.cpu": {"en": "CPU ({n} threads)", "fr": "CPU ({n} threads)"},
    "later.meanwhile": {"en": "Meanwhile, these pages work today:", "fr": "En attendant, ces pages fonctionnent déjà :"},
    "state.queued": {"en": "queued", "fr": "en file d'attente"},
    "state.running": {"en": "running", "fr": "en cours"},
    "state.finished": {"en": "finished", "fr": "terminé"},
    "state.failed": {"en": "failed", "fr": "échoué"},
    "state.cancelled": {"en": "stopped", "fr": "arrêté"},
    "model.mlp": {"en": "vanilla GAN (fully connected, 2014)", "fr": "GAN original (couches denses, 2014)"},
    "model.dcgan": {"en": "DCGAN (convolutional, 2015)", "fr": "DCGAN (convolutionnel, 2015)"},
    "model.cdcgan": {"en": "conditional DCGAN (you pick the class)", "fr": "DCGAN conditionnel (vous choisissez la classe)"},
    "loss.minimax": {"en": "original minimax game", "fr": "jeu minimax original"},
    "loss.bce": {"en": "non-saturating BCE (the usual choice)", "fr": "BCE non saturante (le choix habituel)"},
    "loss.wgan-gp": {"en": "Wasserstein + gradient penalty", "fr": "Wasserstein + pénalité de gradient"},
    "loss.lsgan": {"en": "least squares", "fr": "moindres carrés"},
    "loss.hinge": {"en": "hinge", "fr": "hinge (charnière)"},
    "data.toy2d-ring": {"en": "8 Gaussians on a ring (2-D points)", "fr": "8 gaussiennes sur un anneau (points 2-D)"},
    "data.toy2d-grid": {"en": "25 Gaussians on a grid (2-D points)", "fr": "25 gaussiennes sur une grille (points 2-D)"},
    "data.toy2d-spiral": {"en": "a spiral (2-D points)", "fr": "une spirale (points 2-D)"},
    "data.toy2d-moons": {"en": "two half-moons (2-D points)", "fr": "deux demi-lunes (points 2-D)"},
    "data.digits": {"en": "handwritten digits (scikit-learn, 1,797)", "fr": "chiffres manuscrits (scikit-learn, 1 797)"},
    "data.shapes": {"en": "coloured shapes, 5 classes", "fr": "formes colorées, 5 classes"},
    "data.faces": {"en": "cartoon faces with attributes", "fr": "visages dessinés avec attributs"},
    "data.scenes-styles": {"en": "summer or winter scenes (labelled)", "fr": "paysages d'été ou d'hiver (étiquetés)"},
    "data.scenes-labels": {"en": "label maps -> landscape scenes (paired)", "fr": "cartes de régions -> paysages (appariés)"},
    "data.edges-objects": {"en": "edges -> filled objects (paired)", "fr": "contours -> objets remplis (appariés)"},
    "data.scenes-seasons": {"en": "summer and winter scenes (unpaired)", "fr": "paysages d'été et d'hiver (non appariés)"},
    "data.photos": {"en": "photos bundled with scikit-image", "fr": "photos fournies avec scikit-image"},
    "data.mnist": {"en": "MNIST digits (torchvision)", "fr": "chiffres MNIST (torchvision)"},
    "data.fashion-mnist": {"en": "Fashion-MNIST clothes (torchvision)", "fr": "vêtements Fashion-MNIST (torchvision)"},
    "data.cifar10": {"en": "CIFAR-10 photos (torchvision)", "fr": "photos CIFAR-10 (torchvision)"},
    # --- home ---
    "home.title": {"en": "GAN Studio", "fr": "GAN Studio"},
    "home.intro": {
        "en": "Learn, train, try and judge **generative adversarial networks** in your browser. A GAN is two neural "
              "networks playing a game: a **generator** turns random noise into images, and a **discriminator** tries "
              "to tell those images from real ones. Each gets better by beating the other.",
        "fr": "Apprenez, entraînez, essayez et évaluez des **réseaux antagonistes génératifs** dans votre navigateur. "
              "Un GAN, ce sont deux réseaux qui jouent l'un contre l'autre : un **générateur** transforme du bruit "
              "aléatoire en images, et un **discriminateur** tente de les distinguer des vraies. Chacun progresse en "
              "battant l'autre.",
    },
    "home.game_title": {"en": "The minimax game", "fr": "Le jeu minimax"},
    "home.game_text": {
        "en": "The discriminator D outputs the probability that its input is real. It maximises the value below "
              "(say 'real' to real data x, 'fake' to G(z)); the generator G minimises it.",
        "fr": "Le discriminateur D donne la probabilité que son entrée soit réelle. Il maximise la valeur ci-dessous "
              "(dire « vrai » aux données x, « faux » à G(z)) ; le générateur G la minimise.",
    },
    "home.game_after": {
        "en": "At the equilibrium G copies the data distribution and D can only guess: D = 0.5 everywhere. In "
              "practice G minimises −log D(G(z)) instead (the **non-saturating** loss): same goal, stronger gradients "
              "while G is still bad, as the chart shows.",
        "fr": "À l'équilibre, G reproduit la distribution des données et D ne peut que deviner : D = 0,5 partout. En "
              "pratique, G minimise plutôt −log D(G(z)) (la perte **non saturante**) : même but, mais des gradients "
              "plus forts tant que G est mauvais, comme le montre le graphique.",
    },
    "home.chart_caption": {
        "en": "Left side of the chart: when D easily spots fakes (D(G(z)) near 0), the minimax curve is flat, so G "
              "barely learns; the non-saturating curve is steep there.",
        "fr": "À gauche du graphique : quand D repère facilement les faux (D(G(z)) proche de 0), la courbe minimax est "
              "plate et G apprend à peine ; la courbe non saturante y est raide.",
    },
    "home.real_fake_title": {"en": "Real or generated?", "fr": "Vrai ou généré ?"},
    "home.real_caption": {"en": "Real: scikit-learn's handwritten digits (upscaled to 32x32)",
                          "fr": "Vrais : les chiffres manuscrits de scikit-learn (agrandis en 32x32)"},
    "home.fake_caption": {"en": "Generated by the shipped DCGAN ({steps:,} training steps on the CPU)",
                          "fr": "Générés par le DCGAN fourni ({steps:,} pas d'entraînement sur CPU)"},
    "home.no_shipped": {"en": "The shipped digits model is missing: train one on the Train page.",
                        "fr": "Le modèle de chiffres fourni est absent : entraînez-en un sur la page Entraîner."},
    "home.map_title": {"en": "Where to go", "fr": "Où aller"},
    "home.map_train": {"en": "Train a GAN on digits, shapes, faces, 2-D toys or your own images, and watch it learn live.",
                       "fr": "Entraînez un GAN sur des chiffres, formes, visages, jeux 2-D ou vos images, et regardez-le apprendre."},
    "home.map_generate": {"en": "Sample from shipped or your own models: seeds, classes, truncation, interpolation, latent arithmetic.",
                          "fr": "Échantillonnez des modèles fournis ou les vôtres : graines, classes, troncature, interpolation, arithmétique latente."},
    "home.map_translate": {"en": "Image-to-image translation with Pix2Pix and CycleGAN: draw a landscape, change the season, train your own.",
                           "fr": "Traduction d'image à image avec Pix2Pix et CycleGAN : dessinez un paysage, changez de saison, entraînez le vôtre."},
    "home.map_sr": {"en": "Super-resolution: enlarge a photo x4 with a pixel-loss model and its GAN fine-tune; see why sharper scores lower.",
                    "fr": "Super-résolution : agrandir une photo x4 avec un modèle sur les pixels et son affinage GAN ; voir pourquoi plus net est moins bien noté."},
    "home.map_evaluate": {"en": "Compare generators with FID, KID, IS and precision/recall; coverage, copies, progress over training.",
                          "fr": "Comparez des générateurs avec FID, KID, IS et précision/rappel ; couverture, copies, progrès pendant l'entraînement."},
    "home.map_ethics": {"en": "Deepfakes, consent and detection; read the provenance of GAN Studio images.",
                        "fr": "Deepfakes, consentement et détection ; lisez la provenance des images de GAN Studio."},
    "home.jobs_title": {"en": "Your training jobs", "fr": "Vos entraînements"},
    "home.device": {"en": "Device: {device} · torch {torch} · whole server (all users): {running} running, {queued} waiting",
                    "fr": "Matériel : {device} · torch {torch} · tout le serveur (tous les utilisateurs) : {running} en cours, {queued} en attente"},
    "home.no_jobs": {"en": "No jobs yet: start one on the Train page.", "fr": "Aucun entraînement : lancez-en un sur la page Entraîner."},
    "jobs.col_id": {"en": "Run", "fr": "Entraînement"},
    "jobs.col_state": {"en": "State", "fr": "État"},
    "jobs.col_model": {"en": "Model", "fr": "Modèle"},
    "jobs.col_data": {"en": "Data", "fr": "Données"},
    "jobs.col_submitted": {"en": "Submitted", "fr": "Soumis à"},
    "jobs.col_reason": {"en": "Note", "fr": "Remarque"},
    # --- charts ---
    "chart.step": {"en": "training step", "fr": "pas d'entraînement"},
    "chart.loss": {"en": "loss", "fr": "perte"},
    "chart.losses": {"en": "Losses", "fr": "Pertes"},
    "chart.d_outputs": {"en": "D(x) vs D(G(z))", "fr": "D(x) et D(G(z))"},
    "chart.probability": {"en": "mean probability 'real'", "fr": "probabilité moyenne « vrai »"},
    "chart.score": {"en": "mean critic score", "fr": "score moyen du critique"},
    "chart.d_outputs_reference": {"en": "equilibrium 0.5", "fr": "équilibre 0,5"},
    "chart.reference": {"en": "reference {x}", "fr": "référence {x}"},
    "chart.accuracy": {"en": "accuracy", "fr": "exactitude"},
    "chart.value": {"en": "value", "fr": "valeur"},
    "chart.values": {"en": "Values", "fr": "Valeurs"},
    "series.loss_d": {"en": "discriminator loss", "fr": "perte du discriminateur"},
    "series.loss_g": {"en": "generator loss", "fr": "perte du générateur"},
    "series.d_real": {"en": "D(x)", "fr": "D(x)"},
    "series.d_fake": {"en": "D(G(z))", "fr": "D(G(z))"},
    "series.grad_norm_d": {"en": "‖∇D‖", "fr": "‖∇D‖"},
    "series.grad_norm_g": {"en": "‖∇G‖", "fr": "‖∇G‖"},
    "series.loss": {"en": "loss", "fr": "perte"},
    "series.train_accuracy": {"en": "accuracy on training batches", "fr": "exactitude sur les lots d'entraînement"},
    "chart.train_accuracy": {"en": "Accuracy on training batches", "fr": "Exactitude sur les lots d'entraînement"},
    "task.gan": {"en": "GAN", "fr": "GAN"},
    "task.classifier": {"en": "classifier", "fr": "classifieur"},
    "task.pix2pix": {"en": "Pix2Pix", "fr": "Pix2Pix"},
    "task.cyclegan": {"en": "CycleGAN", "fr": "CycleGAN"},
    "task.superres": {"en": "super-resolution", "fr": "super-résolution"},
    "task.detector": {"en": "real-vs-fake detector", "fr": "détecteur vrai/faux"},
    "chart.adversarial": {"en": "Adversarial losses", "fr": "Pertes adverses"},
    "chart.l1": {"en": "L1 to the target", "fr": "L1 par rapport à la cible"},
    "chart.generator_terms": {"en": "Generators' terms", "fr": "Termes des générateurs"},
    "chart.discriminators": {"en": "Discriminators", "fr": "Discriminateurs"},
    "chart.lr": {"en": "Learning rate", "fr": "Taux d'apprentissage"},
    "series.loss_g_gan": {"en": "generator, adversarial", "fr": "générateur, adverse"},
    "series.loss_g_l1": {"en": "L1 to the target", "fr": "L1 par rapport à la cible"},
    "series.loss_cycle": {"en": "cycle consistency", "fr": "cohérence de cycle"},
    "series.loss_identity": {"en": "identity", "fr": "identité"},
    "series.loss_d_a": {"en": "discriminator A", "fr": "discriminateur A"},
    "series.loss_d_b": {"en": "discriminator B", "fr": "discriminateur B"},
    "series.lr": {"en": "learning rate", "fr": "taux d'apprentissage"},
    "job.charts_help_pix2pix": {
        "en": "The L1 curve should fall steadily: the outputs get closer to their targets. The adversarial losses "
              "stay in a tug of war; D's outputs near 1 and 0 for long mean D has won and the textures stop improving.",
        "fr": "La courbe L1 doit baisser régulièrement : les sorties se rapprochent de leurs cibles. Les pertes adverses "
              "restent en tension ; des sorties de D longtemps proches de 1 et 0 signifient que D a gagné et que les "
              "textures ne progressent plus.",
    },
    "job.charts_help_cyclegan": {
        "en": "The cycle term should fall: going there and back returns the input. The learning rate falls to zero "
              "over the second half of the run, which calms the game at the end.",
        "fr": "Le terme de cycle doit baisser : l'aller-retour rend l'entrée. Le taux d'apprentissage descend à zéro "
              "pendant la seconde moitié de l'entraînement, ce qui calme le jeu à la fin.",
    },
    "chart.grad_norms": {"en": "Gradient norms", "fr": "Normes des gradients"},
    "chart.norm": {"en": "norm (log scale)", "fr": "norme (échelle log)"},
    "chart.real": {"en": "real", "fr": "réel"},
    "chart.generated": {"en": "generated", "fr": "généré"},
    "chart.points": {"en": "Real vs generated points (step {step:,})", "fr": "Points réels et générés (pas {step:,})"},
    "chart.minimax_curve": {"en": "minimax: log(1 − D(G(z)))", "fr": "minimax : log(1 − D(G(z)))"},
    "chart.nonsat_curve": {"en": "non-saturating: −log D(G(z))", "fr": "non saturante : −log D(G(z))"},
    "chart.g_loss_title": {"en": "Generator loss as a function of D(G(z))", "fr": "Perte du générateur selon D(G(z))"},
    "chart.g_loss_axis": {"en": "generator loss", "fr": "perte du générateur"},
    "chart.fid_curve": {"en": "FID over training steps ({n:,} samples per point)", "fr": "FID au fil de l'entraînement ({n:,} échantillons par point)"},
    "chart.uniform": {"en": "uniform", "fr": "uniforme"},
    "chart.share": {"en": "share of samples", "fr": "part des échantillons"},
    # --- train ---
    "train.title": {"en": "Train", "fr": "Entraîner"},
    "train.intro": {
        "en": "Pick a data set, a model and a loss, then press start: training runs in the background, so you can "
              "leave and come back. The charts show the two players' losses, how sure D is about real and fake "
              "images, and the samples G makes from the same fixed noise as it improves.",
        "fr": "Choisissez des données, un modèle et une perte, puis lancez : l'entraînement tourne en arrière-plan, "
              "vous pouvez partir et revenir. Les graphiques montrent les pertes des deux joueurs, la confiance de D "
              "sur les vraies et fausses images, et les échantillons que G produit à partir du même bruit fixe.",
    },
    "train.new_run": {"en": "New training run", "fr": "Nouvel entraînement"},
    "train.data": {"en": "Data set", "fr": "Jeu de données"},
    "train.data_help": {"en": "Every listed set works offline, except the torchvision ones, which need their files on disk.",
                        "fr": "Tous les jeux listés marchent hors ligne, sauf ceux de torchvision, qui demandent leurs fichiers sur le disque."},
    "train.data_upload": {"en": "Your own images (upload a .zip)", "fr": "Vos images (envoyer un .zip)"},
    "train.upload_zip": {"en": "Zip of images (sub-folders become classes)", "fr": "Zip d'images (les sous-dossiers deviennent des classes)"},
    "train.upload_help": {"en": "PNG, JPEG, WebP, BMP or GIF images; at least 16. Archives are checked before use.",
                          "fr": "Images PNG, JPEG, WebP, BMP ou GIF ; au moins 16. Les archives sont vérifiées avant usage."},
    "train.need_upload": {"en": "upload a zip of images first", "fr": "envoyez d'abord un zip d'images"},
    "train.zip_refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "train.zip_accepted": {"en": "{name}: {n:,} images, {classes}. Ready to train.", "fr": "{name} : {n:,} images, {classes}. Prêt pour l'entraînement."},
    "train.zip_classes": {"en": "{n} classes from its sub-folders", "fr": "{n} classes tirées de ses sous-dossiers"},
    "train.zip_no_classes": {"en": "no classes (no sub-folders)", "fr": "sans classes (pas de sous-dossiers)"},
    "train.not_here": {"en": "(not on this server)", "fr": "(absent de ce serveur)"},
    "train.missing_data": {
        "en": "{name} is not on this server (it is never downloaded while you wait). Choose another data set, or ask "
              "whoever runs the server to add its files (README, section Data).",
        "fr": "{name} n'est pas sur ce serveur (rien n'est téléchargé pendant que vous attendez). Choisissez un autre jeu "
              "de données, ou demandez à qui gère le serveur d'ajouter ses fichiers (README, section Data).",
    },
    "train.model": {"en": "Model", "fr": "Modèle"},
    "train.model_help": {"en": "2-D point sets use the fully connected GAN; images can use any model.",
                         "fr": "Les nuages de points 2-D utilisent le GAN dense ; les images acceptent tous les modèles."},
    "train.loss": {"en": "Loss", "fr": "Perte"},
    "train.loss_help": {"en": "How D is scored and how G is told to improve. Non-saturating BCE is the standard start.",
                        "fr": "Comment D est noté et comment G est poussé à progresser. La BCE non saturante est le point de départ standard."},
    "train.steps": {"en": "Training steps", "fr": "Pas d'entraînement"},
    "train.steps_help": {"en": "One step = one D update and one G update on a batch.", "fr": "Un pas = une mise à jour de D et une de G sur un lot."},
    "train.time_budget": {"en": "Time budget (s, 0 = none)", "fr": "Budget de temps (s, 0 = aucun)"},
    "train.time_budget_help": {"en": "Stop after this many seconds even if steps remain.",
                               "fr": "S'arrêter après ce nombre de secondes, même s'il reste des pas."},
    "train.batch": {"en": "Batch size", "fr": "Taille de lot"},
    "train.batch_help": {"en": "Images per step; 32-64 is the usual, stable choice.", "fr": "Images par pas ; 32-64 est le choix usuel et stable."},
    "train.advanced": {"en": "Optimiser and architecture", "fr": "Optimiseur et architecture"},
    "train.lr_g": {"en": "Learning rate G", "fr": "Taux d'apprentissage G"},
    "train.lr_d": {"en": "Learning rate D", "fr": "Taux d'apprentissage D"},
    "train.lr_help": {"en": "DCGAN's default is 0.0002.", "fr": "Valeur par défaut de DCGAN : 0,0002."},
    "train.ttur_help": {"en": "A different rate for D than for G is the 'two time-scale update rule' (TTUR).",
                        "fr": "Un taux différent pour D et G, c'est la « règle à deux échelles de temps » (TTUR)."},
    "train.beta_help": {"en": "DCGAN uses β1 = 0.5 (less momentum than Adam's default 0.9).",
                        "fr": "DCGAN utilise β1 = 0,5 (moins d'inertie que le 0,9 par défaut d'Adam)."},
    "train.d_steps": {"en": "D steps per step", "fr": "Pas de D par pas"},
    "train.g_steps": {"en": "G steps per step", "fr": "Pas de G par pas"},
    "train.ratio_help": {"en": "The G:D update ratio; WGAN-GP often uses 5 D steps.", "fr": "Le ratio de mises à jour G:D ; WGAN-GP utilise souvent 5 pas de D."},
    "train.width": {"en": "Width (feature maps)", "fr": "Largeur (cartes de features)"},
    "train.width_help": {"en": "64 is the canonical DCGAN; 32 trains about three times faster on a CPU.",
                         "fr": "64 est le DCGAN canonique ; 32 s'entraîne environ trois fois plus vite sur CPU."},
    "train.image_size": {"en": "Image size", "fr": "Taille d'image"},
    "train.seed": {"en": "Random seed", "fr": "Graine aléatoire"},
    "train.seed_help": {"en": "Same seed, same settings, same machine: the same run.", "fr": "Même graine, mêmes réglages, même machine : le même entraînement."},
    "train.stabilisers": {"en": "Stabilisers", "fr": "Stabilisateurs"},
    "train.spectral": {"en": "Spectral norm in D", "fr": "Norme spectrale dans D"},
    "train.spectral_help": {"en": "Limits how fast D can change (Miyato et al. 2018).", "fr": "Limite la vitesse à laquelle D peut changer (Miyato et al. 2018)."},
    "train.smoothing": {"en": "One-sided label smoothing", "fr": "Lissage unilatéral des étiquettes"},
    "train.smoothing_help": {"en": "D aims at 1 − s for real images instead of 1, so it stays less sure of itself.",
                             "fr": "D vise 1 − s pour les vraies images au lieu de 1 : il reste moins sûr de lui."},
    "train.noise": {"en": "Instance noise", "fr": "Bruit d'instance"},
    "train.noise_help": {"en": "Gaussian noise added to D's inputs, fading to zero during training.",
                         "fr": "Bruit gaussien ajouté aux entrées de D, qui s'éteint au fil de l'entraînement."},
    "train.start": {"en": "Start training", "fr": "Lancer l'entraînement"},
    "train.refused": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "train.no_jobs": {"en": "You have no runs yet: choose settings above and press start.",
                      "fr": "Aucun entraînement pour l'instant : choisissez des réglages ci-dessus et lancez."},
    "train.your_runs": {"en": "Your runs", "fr": "Vos entraînements"},
    "train.go_generate": {"en": "Sample from this model on the Generate page", "fr": "Échantillonner ce modèle sur la page Générer"},
    # --- live job ---
    "job.header_task": {"en": "**{model}** on **{data}** · run `{id}`", "fr": "**{model}** sur **{data}** · entraînement `{id}`"},
    "job.header": {"en": "**{model}** on **{data}**, loss **{loss}** · run `{id}`", "fr": "**{model}** sur **{data}**, perte **{loss}** · entraînement `{id}`"},
    "job.queued": {"en": "Waiting in the queue: position {pos}. It starts as soon as a slot frees up.",
                   "fr": "En file d'attente : position {pos}. Il démarre dès qu'une place se libère."},
    "job.starting": {"en": "Starting…", "fr": "Démarrage…"},
    "job.progress": {"en": "Step {step:,} · {pct}% · about {eta} s left · {ips} images/s",
                     "fr": "Pas {step:,} · {pct} % · environ {eta} s restantes · {ips} images/s"},
    "job.finished": {"en": "Finished at step {step}. {reason}", "fr": "Terminé au pas {step}. {reason}"},
    "job.cancelled": {"en": "Stopped: {reason}. The last checkpoint is kept.", "fr": "Arrêté : {reason}. Le dernier checkpoint est conservé."},
    "job.cancelled_empty": {"en": "Stopped: {reason}. No checkpoint had been written.", "fr": "Arrêté : {reason}. Aucun checkpoint n'avait été écrit."},
    "job.no_metrics_ended": {"en": "This run ended before its first measurements.", "fr": "Cet entraînement s'est arrêté avant ses premières mesures."},
    "job.no_samples_ended": {"en": "This run ended before its first samples.", "fr": "Cet entraînement s'est arrêté avant ses premiers échantillons."},
    "job.failed": {"en": "Failed: {reason}", "fr": "Échec : {reason}"},
    "job.stop": {"en": "Stop", "fr": "Arrêter"},
    "job.stop_sent": {"en": "Stopping at the next step…", "fr": "Arrêt au prochain pas…"},
    "job.unqueued": {"en": "Taken out of the queue.", "fr": "Retiré de la file d'attente."},
    "job.download": {"en": "Download checkpoint", "fr": "Télécharger le checkpoint"},
    "job.no_metrics": {"en": "Charts appear after the first steps.", "fr": "Les graphiques apparaissent après les premiers pas."},
    "job.no_samples": {"en": "Samples appear at the first sample step.", "fr": "Les échantillons apparaissent au premier pas d'échantillonnage."},
    "job.charts_help_gan": {
        "en": "Healthy training: neither loss runs away, D(x) stays above D(G(z)) without reaching 1 vs 0. If D(G(z)) "
              "sinks to 0 and stays, D has won and G gets no signal; identical samples mean mode collapse.",
        "fr": "Entraînement sain : aucune perte ne s'envole, D(x) reste au-dessus de D(G(z)) sans atteindre 1 contre 0. "
              "Si D(G(z)) tombe à 0 et y reste, D a gagné et G ne reçoit plus de signal ; des échantillons identiques "
              "signalent un effondrement de modes.",
    },
    "job.sample_history": {"en": "Samples at step", "fr": "Échantillons au pas"},
    "job.sample_step": {"en": "Preview at step {step:,}", "fr": "Aperçu au pas {step:,}"},
    "job.sample_caption_pix2pix": {"en": "Held-out pairs at step {step:,}, one per row: input | output | target.",
                                   "fr": "Paires mises de côté au pas {step:,}, une par ligne : entrée | sortie | cible."},
    "job.sample_caption_cyclegan": {"en": "Held-out images at step {step:,}: A → B → A on the first rows, then B → A → B.",
                                    "fr": "Images mises de côté au pas {step:,} : A → B → A sur les premières lignes, puis B → A → B."},
    "job.sample_caption_gan": {"en": "Fixed noise at step {step:,}: the same z every time, so you see G improve.",
                           "fr": "Bruit fixe au pas {step:,} : le même z à chaque fois, pour voir G progresser."},
    # --- generate ---
    "generate.title": {"en": "Generate", "fr": "Générer"},
    "generate.intro": {
        "en": "A trained generator maps a random vector z (its **seed** fixes it) to an image. Change the seed for "
              "another sample, pick a class for conditional models, or shrink the **truncation** for more typical, "
              "less varied images. The other tabs walk through the latent space between two seeds and add or "
              "remove attributes by vector arithmetic.",
        "fr": "Un générateur entraîné transforme un vecteur aléatoire z (fixé par sa **graine**) en image. Changez la "
              "graine pour un autre échantillon, choisissez une classe pour les modèles conditionnels, ou réduisez la "
              "**troncature** pour des images plus typiques et moins variées. Les autres onglets parcourent l'espace "
              "latent entre deux graines et ajoutent ou retirent des attributs par arithmétique de vecteurs.",
    },
    "generate.none": {"en": "No generator is available yet.", "fr": "Aucun générateur disponible pour l'instant."},
    "generate.go_train": {"en": "Train one on the Train page", "fr": "En entraîner un sur la page Entraîner"},
    "generate.checkpoint": {"en": "Generator", "fr": "Générateur"},
    "generate.checkpoint_help": {"en": "Shipped models, your own runs, and files you uploaded.",
                                 "fr": "Modèles fournis, vos entraînements et vos fichiers envoyés."},
    "generate.card": {"en": "Model card: how this model was made", "fr": "Fiche du modèle : comment il a été fait"},
    "generate.tab_samples": {"en": "Samples", "fr": "Échantillons"},
    "generate.tab_interp": {"en": "Interpolation", "fr": "Interpolation"},
    "generate.tab_arith": {"en": "Latent arithmetic", "fr": "Arithmétique latente"},
    "generate.seed": {"en": "Seed", "fr": "Graine"},
    "generate.seed_help": {"en": "The same seed always gives the same images.", "fr": "La même graine donne toujours les mêmes images."},
    "generate.count": {"en": "How many", "fr": "Combien"},
    "generate.class": {"en": "Class", "fr": "Classe"},
    "generate.all_classes": {"en": "all classes in turn", "fr": "toutes les classes à tour de rôle"},
    "generate.truncation": {"en": "Truncation trick", "fr": "Astuce de troncature"},
    "generate.truncation_help": {"en": "Redraw latent values beyond ±t: smaller t, more typical and less varied samples.",
                                 "fr": "Retirer les valeurs latentes au-delà de ±t : t plus petit, échantillons plus typiques et moins variés."},
    "generate.truncation_t": {"en": "t", "fr": "t"},
    "generate.truncated": {"en": "truncated at ±{t}", "fr": "tronqué à ±{t}"},
    "generate.grid_caption": {"en": "{n} samples, seed {seed}", "fr": "{n} échantillons, graine {seed}"},
    "generate.download_grid": {"en": "Download grid (PNG)", "fr": "Télécharger la grille (PNG)"},
    "generate.download_zip": {"en": "Download each image (zip of PNGs)", "fr": "Télécharger chaque image (zip de PNG)"},
    "generate.interp_intro": {
        "en": "Walk in a straight line (lerp) or along the sphere (slerp) between the latents of two seeds. Smooth "
              "changes mean G learned a continuous space rather than memorising images.",
        "fr": "Marchez en ligne droite (lerp) ou le long de la sphère (slerp) entre les vecteurs latents de deux "
              "graines. Des changements doux montrent que G a appris un espace continu plutôt que des images par cœur.",
    },
    "generate.seed_a": {"en": "Seed A", "fr": "Graine A"},
    "generate.seed_b": {"en": "Seed B", "fr": "Graine B"},
    "generate.frames": {"en": "Frames", "fr": "Images"},
    "generate.mode": {"en": "Path", "fr": "Chemin"},
    "generate.mode_help": {"en": "Gaussian latents live near a sphere; slerp stays on it, lerp cuts through the middle.",
                           "fr": "Les latents gaussiens vivent près d'une sphère ; slerp y reste, lerp coupe par le milieu."},
    "generate.strip_caption": {"en": "From seed {a} to seed {b} ({mode})", "fr": "De la graine {a} à la graine {b} ({mode})"},
    "generate.gif_caption": {"en": "The same walk, animated", "fr": "La même marche, animée"},
    "generate.download_gif": {"en": "Download the GIF", "fr": "Télécharger le GIF"},
    "generate.arith_intro": {
        "en": "As in the DCGAN paper: the mean latent of samples **with** an attribute minus the mean of samples "
              "**without** it gives a direction; adding it to any latent adds the attribute, subtracting removes it.",
        "fr": "Comme dans l'article DCGAN : la moyenne des latents des échantillons **avec** un attribut moins celle "
              "des échantillons **sans** donne une direction ; l'ajouter à un latent ajoute l'attribut, la soustraire "
              "le retire.",
    },
    "generate.arith_unavailable": {
        "en": "Latent arithmetic needs a model trained on a data set with attribute labels (the faces set) and its "
              "attribute classifier. Pick the shipped faces model.",
        "fr": "L'arithmétique latente demande un modèle entraîné sur des données avec attributs (les visages) et son "
              "classifieur d'attributs. Choisissez le modèle de visages fourni.",
    },
    "generate.arith_failed": {"en": "Latent arithmetic is not possible with this model: {reason}",
                              "fr": "L'arithmétique latente n'est pas possible avec ce modèle : {reason}"},
    "generate.arith_mismatch": {"en": "its images do not have the size and channels the attribute classifier reads",
                                "fr": "ses images n'ont pas la taille et les canaux que lit le classifieur d'attributs"},
    "generate.no_real_points": {"en": "Real points of '{data}' are not available here; only generated points are shown.",
                                "fr": "Les points réels de « {data} » ne sont pas disponibles ici ; seuls les points générés sont affichés."},
    "generate.attribute": {"en": "Attribute", "fr": "Attribut"},
    "generate.strength": {"en": "Strength", "fr": "Intensité"},
    "generate.base_seed": {"en": "Base seed", "fr": "Graine de base"},
    "generate.arith_caption": {
        "en": "Left: minus '{attr}', middle: the base sample, right: plus '{attr}'. Direction from {pos} samples with "
              "and {neg} without, of {pool}, labelled by the project's {clf}.",
        "fr": "À gauche : moins « {attr} », au milieu : l'échantillon de base, à droite : plus « {attr} ». Direction "
              "calculée sur {pos} échantillons avec et {neg} sans, sur {pool}, étiquetés par le {clf} du projet.",
    },
    "generate.arith_how": {"en": "The classifier was trained on the procedural faces, where each attribute is known exactly.",
                           "fr": "Le classifieur a été entraîné sur les visages procéduraux, dont chaque attribut est connu exactement."},
    # --- checkpoint picker and card ---
    "pick.shipped": {"en": "shipped · {name}", "fr": "fourni · {name}"},
    "pick.own": {"en": "my run · {id} · {model} on {data} ({state})", "fr": "mon entraînement · {id} · {model} sur {data} ({state})"},
    "pick.uploaded": {"en": "uploaded · {name}", "fr": "envoyé · {name}"},
    "pick.upload_title": {"en": "Upload your own generator (.safetensors)", "fr": "Envoyer votre générateur (.safetensors)"},
    "pick.upload": {"en": "GAN Studio checkpoint", "fr": "Checkpoint GAN Studio"},
    "pick.upload_help": {"en": "Only .safetensors files made by GAN Studio: they are checked before any model is built.",
                         "fr": "Seulement des fichiers .safetensors faits par GAN Studio : ils sont vérifiés avant de construire un modèle."},
    "pick.too_big": {"en": "Refused: the file is over {mb} MB.", "fr": "Refusé : le fichier dépasse {mb} Mo."},
    "pick.refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "pick.accepted": {"en": "Accepted: {name} is now in the list.", "fr": "Accepté : {name} est maintenant dans la liste."},
    "card.field": {"en": "Field", "fr": "Champ"},
    "card.value": {"en": "Value", "fr": "Valeur"},
    "card.kind": {"en": "kind", "fr": "type"},
    "card.io_input": {"en": "input", "fr": "entrée"},
    "card.io_output": {"en": "output", "fr": "sortie"},
    "card.arch": {"en": "architecture", "fr": "architecture"},
    "card.data": {"en": "training data", "fr": "données d'entraînement"},
    "card.size": {"en": "output", "fr": "sortie"},
    "card.points": {"en": "2-D points", "fr": "points 2-D"},
    "card.classes": {"en": "classes", "fr": "classes"},
    "card.steps": {"en": "training steps", "fr": "pas d'entraînement"},
    "card.created": {"en": "created", "fr": "créé le"},
    "card.command": {"en": "Made by this command:", "fr": "Produit par cette commande :"},
    "card.io_direction": {"en": "trained direction", "fr": "sens entraîné"},
    "card.io_domain_a": {"en": "domain A", "fr": "domaine A"},
    "card.io_domain_b": {"en": "domain B", "fr": "domaine B"},
    "card.metric_measured_on": {"en": "figures measured on", "fr": "chiffres mesurés sur"},
    "card.metric_held_out_l1": {"en": "held-out L1 ↓", "fr": "L1 sur données mises de côté ↓"},
    "card.metric_held_out_psnr": {"en": "held-out PSNR (dB) ↑", "fr": "PSNR sur données mises de côté (dB) ↑"},
    "card.metric_baseline_l1": {"en": "trivial baseline's L1", "fr": "L1 de la référence triviale"},
    "card.metric_baseline_psnr": {"en": "trivial baseline's PSNR (dB)", "fr": "PSNR de la référence triviale (dB)"},
    "card.metric_baseline": {"en": "trivial baseline", "fr": "référence triviale"},
    "card.metric_cycle_l1_a": {"en": "cycle error A → B → A (L1) ↓", "fr": "erreur de cycle A → B → A (L1) ↓"},
    "card.metric_cycle_l1_b": {"en": "cycle error B → A → B (L1) ↓", "fr": "erreur de cycle B → A → B (L1) ↓"},
    "card.metric_digits_judge": {"en": "digits judge (independent SVM)", "fr": "juge des chiffres (SVM indépendant)"},
    "card.metric_classifier_judge": {"en": "judge (domain classifier)", "fr": "juge (classifieur du domaine)"},
    "card.judge_confidence": {"en": "confidence {x:.2f}", "fr": "confiance {x:.2f}"},
    "card.judge_classes": {"en": "{k}/{n} classes", "fr": "{k}/{n} classes"},
    "card.judge_variety": {"en": "variety {x:.2f}", "fr": "variété {x:.2f}"},
    "card.judge_accuracy": {"en": "asked-for class {x:.1f}%", "fr": "classe demandée {x:.1f} %"},
    "card.judge_samples": {"en": "on {n:,} samples", "fr": "sur {n:,} échantillons"},
    # --- translate, super-resolution ---
    "translate.title": {"en": "Translate", "fr": "Traduire"},
    "translate.intro": {
        "en": "Image-to-image GANs turn one kind of picture into another. **Pix2Pix** learns from pairs (a label map "
              "and its photo) with a U-Net generator and a PatchGAN discriminator that judges small patches; "
              "**CycleGAN** needs no pairs: two generators translate back and forth, and a cycle loss asks that "
              "going there and back returns the original.",
        "fr": "Les GAN d'image à image transforment un type d'image en un autre. **Pix2Pix** apprend à partir de "
              "paires (une carte d'étiquettes et sa photo) avec un générateur U-Net et un discriminateur PatchGAN qui "
              "juge de petits morceaux ; **CycleGAN** se passe de paires : deux générateurs traduisent dans les deux "
              "sens, et une perte de cycle exige que l'aller-retour rende l'original.",
    },
    "translate.how_title": {"en": "How image-to-image GANs work, and what you are looking at",
                            "fr": "Comment marchent les GAN d'image à image, et ce que vous voyez"},
    "translate.how_paired": {
        "en": "**Paired or unpaired.** Pix2Pix learns from aligned pairs: every label map comes with the very scene it "
              "lays out, so the generator can be told exactly what it should have drawn. CycleGAN learns from two "
              "separate piles of pictures (summer scenes, winter scenes) with no pair between them, so nobody can say "
              "what the right answer for one image is.",
        "fr": "**Apparié ou non.** Pix2Pix apprend sur des paires alignées : chaque carte de régions vient avec le "
              "paysage exact qu'elle décrit, on peut donc dire au générateur ce qu'il aurait dû dessiner. CycleGAN "
              "apprend sur deux piles d'images séparées (paysages d'été, paysages d'hiver) sans aucune paire : personne "
              "ne peut dire quelle est la bonne réponse pour une image donnée.",
    },
    "translate.how_unet": {
        "en": "**U-Net and its skip connections.** The generator squeezes the image down to a small summary and builds "
              "the output back up; skip connections hand each level of detail straight from the way down to the way "
              "up, so edges and region borders land exactly where they were in the input.",
        "fr": "**Le U-Net et ses connexions de saut.** Le générateur comprime l'image en un petit résumé puis "
              "reconstruit la sortie ; les connexions de saut passent chaque niveau de détail directement de la "
              "descente à la remontée, si bien que contours et frontières de régions restent exactement à leur place.",
    },
    "translate.how_patchgan": {
        "en": "**PatchGAN.** The discriminator does not give one verdict for the whole picture: it scores every small "
              "patch as real or fake. That pushes for sharp, believable texture everywhere, while an L1 term keeps "
              "Pix2Pix's colours and layout close to the target.",
        "fr": "**PatchGAN.** Le discriminateur ne rend pas un seul verdict pour toute l'image : il note chaque petit "
              "morceau comme vrai ou faux. Cela exige une texture nette et crédible partout, tandis qu'un terme L1 "
              "garde les couleurs et la disposition de Pix2Pix proches de la cible.",
    },
    "translate.how_cycle": {
        "en": "**Cycle consistency.** With no pairs, CycleGAN trains two generators, A to B and B to A, and asks that "
              "going there and back gives the original image again. That stops a generator from inventing any winter "
              "scene at all: it must keep the layout of the summer scene it was given.",
        "fr": "**Cohérence de cycle.** Sans paires, CycleGAN entraîne deux générateurs, de A vers B et de B vers A, et "
              "exige que l'aller-retour rende l'image d'origine. Cela empêche un générateur d'inventer n'importe quel "
              "paysage d'hiver : il doit garder la disposition du paysage d'été reçu.",
    },
    "translate.how_looking": {
        "en": "**What you are looking at.** Left: the input as the network saw it, at its training size (a drawing is "
              "first snapped to the region colours). Middle: its translation. Right: for Pix2Pix the target the data "
              "set pairs with that input; for CycleGAN the way back, A to B to A, which should look like the input. "
              "The images are tiny (64 pixels) and enlarged with square pixels, so nothing is smoothed for you.",
        "fr": "**Ce que vous voyez.** À gauche : l'entrée telle que le réseau l'a vue, à sa taille d'entraînement (un "
              "dessin est d'abord ramené aux couleurs des régions). Au milieu : sa traduction. À droite : pour Pix2Pix, "
              "la cible que les données associent à cette entrée ; pour CycleGAN, le retour A vers B vers A, qui devrait "
              "ressembler à l'entrée. Les images sont minuscules (64 pixels) et agrandies en pixels carrés : rien n'est "
              "lissé pour vous.",
    },
    "translate.none": {
        "en": "No translation model is available yet. The shipped ones (label maps to scenes, edges to objects, summer "
              "to winter) are not on this server yet: train your own below, or upload a checkpoint above.",
        "fr": "Aucun modèle de traduction disponible pour l'instant. Les modèles fournis (cartes vers paysages, contours "
              "vers objets, été vers hiver) ne sont pas encore sur ce serveur : entraînez le vôtre ci-dessous, ou "
              "envoyez un checkpoint ci-dessus.",
    },
    "translate.upload_model_title": {"en": "Upload your own translation model (.safetensors)",
                                     "fr": "Envoyer votre modèle de traduction (.safetensors)"},
    "translate.model": {"en": "Translation model", "fr": "Modèle de traduction"},
    "translate.model_help": {"en": "Shipped models, your own Pix2Pix and CycleGAN runs, and files you uploaded.",
                             "fr": "Modèles fournis, vos entraînements Pix2Pix et CycleGAN, et vos fichiers envoyés."},
    "translate.card": {"en": "Model card: how this model was made", "fr": "Fiche du modèle : comment il a été fait"},
    "translate.direction": {"en": "Direction", "fr": "Sens"},
    "translate.direction_help": {"en": "A CycleGAN holds both generators: translate either way.",
                                 "fr": "Un CycleGAN contient les deux générateurs : traduisez dans un sens ou dans l'autre."},
    "translate.one_way": {"en": "Direction: {a} → {b} (a Pix2Pix model translates one way only)",
                          "fr": "Sens : {a} → {b} (un modèle Pix2Pix ne traduit que dans un sens)"},
    "translate.tab_examples": {"en": "Examples", "fr": "Exemples"},
    "translate.tab_upload": {"en": "Your image", "fr": "Votre image"},
    "translate.tab_draw": {"en": "Draw your own", "fr": "Dessinez"},
    "translate.tab_train": {"en": "Train your own", "fr": "Entraînez le vôtre"},
    "translate.example": {"en": "Example", "fr": "Exemple"},
    "translate.examples_caption": {
        "en": "Examples the model never saw in training: drawn fresh from {data} with seed {seed} (training used seed {train_seed}).",
        "fr": "Des exemples que le modèle n'a jamais vus à l'entraînement : tirés à neuf de {data} avec la graine {seed} (l'entraînement a utilisé la graine {train_seed}).",
    },
    "translate.no_examples": {
        "en": "This model was trained on uploaded data, so there are no built-in examples: upload an image or draw one.",
        "fr": "Ce modèle a été entraîné sur des données envoyées, il n'y a donc pas d'exemples intégrés : envoyez une image ou dessinez-en une.",
    },
    "translate.col_input": {"en": "Input ({domain})", "fr": "Entrée ({domain})"},
    "translate.col_output": {"en": "Translation ({domain})", "fr": "Traduction ({domain})"},
    "translate.col_target": {"en": "Target from the data set", "fr": "Cible des données"},
    "translate.col_cycle": {"en": "Back again ({domain})", "fr": "Retour ({domain})"},
    "translate.col_yours": {"en": "Your image", "fr": "Votre image"},
    "translate.note": {"en": "Engine's note: {note}", "fr": "Note du moteur (en anglais) : {note}"},
    "translate.upload_image": {"en": "A PNG or JPEG image", "fr": "Une image PNG ou JPEG"},
    "translate.upload_image_help": {
        "en": "Any size: it is translated at the model's training size. For a label-map model, paint the regions in "
              "the colours of the legend on the Draw tab.",
        "fr": "Toute taille : elle est traduite à la taille d'entraînement du modèle. Pour un modèle de cartes, peignez "
              "les régions aux couleurs de la légende de l'onglet Dessinez.",
    },
    "translate.upload_prompt": {"en": "Upload an image to translate it.", "fr": "Envoyez une image pour la traduire."},
    "translate.image_refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "translate.draw_regions": {
        "en": "Pick a region, then paint on the canvas: the model turns your map into a scene each time you lift the "
              "mouse. Soft stroke edges are snapped to the nearest region colour before the model sees them.",
        "fr": "Choisissez une région, puis peignez sur le canevas : le modèle transforme votre carte en paysage chaque "
              "fois que vous relâchez la souris. Les bords adoucis des traits sont ramenés à la couleur de région la "
              "plus proche avant que le modèle ne les voie.",
    },
    "translate.draw_lines": {
        "en": "Draw dark outlines on the white page: the model fills in the object each time you lift the mouse.",
        "fr": "Dessinez des contours sombres sur la page blanche : le modèle remplit l'objet chaque fois que vous "
              "relâchez la souris.",
    },
    "translate.draw_cyclegan": {
        "en": "Drawing works with Pix2Pix models (label maps, edges). A CycleGAN translates photos of one style into "
              "another: try the examples or upload an image.",
        "fr": "Le dessin fonctionne avec les modèles Pix2Pix (cartes de régions, contours). Un CycleGAN fait passer des "
              "images d'un style à l'autre : essayez les exemples ou envoyez une image.",
    },
    "translate.region": {"en": "Region to paint", "fr": "Région à peindre"},
    "translate.region_sky": {"en": "sky", "fr": "ciel"},
    "translate.region_water": {"en": "water", "fr": "eau"},
    "translate.region_grass": {"en": "grass", "fr": "herbe"},
    "translate.region_mountain": {"en": "mountain", "fr": "montagne"},
    "translate.region_tree": {"en": "tree", "fr": "arbre"},
    "translate.region_building": {"en": "building", "fr": "bâtiment"},
    "translate.brush": {"en": "Brush size", "fr": "Taille du pinceau"},
    "translate.start": {"en": "Start from", "fr": "Partir de"},
    "translate.start_example": {"en": "the chosen example", "fr": "l'exemple choisi"},
    "translate.start_split": {"en": "sky over grass", "fr": "ciel au-dessus de l'herbe"},
    "translate.start_blank": {"en": "an empty canvas", "fr": "un canevas vide"},
    "translate.legend": {"en": "Region colours:", "fr": "Couleurs des régions :"},
    "translate.canvas": {"en": "Your drawing", "fr": "Votre dessin"},
    "translate.seen": {"en": "What the model sees ({size}x{size})", "fr": "Ce que voit le modèle ({size}x{size})"},
    "translate.drawn_output": {"en": "Its translation", "fr": "Sa traduction"},
    "translate.blank_regions": {
        "en": "Your map is a single region so far: pick another region and paint a few strokes to see a scene appear.",
        "fr": "Votre carte ne compte encore qu'une seule région : choisissez-en une autre et donnez quelques coups de "
              "pinceau pour voir apparaître un paysage.",
    },
    "translate.blank_lines": {
        "en": "The page is still empty: draw an outline (a circle, a star, a heart...) and the model will fill it in.",
        "fr": "La page est encore vide : dessinez un contour (un cercle, une étoile, un cœur...) et le modèle le remplira.",
    },
    "translate.train_intro": {
        "en": "Train a small Pix2Pix or CycleGAN in the background on a built-in set or your own zip, and watch it "
              "learn: the charts show the players' losses, the samples show held-out inputs, outputs and targets.",
        "fr": "Entraînez en arrière-plan un petit Pix2Pix ou CycleGAN sur un jeu intégré ou votre propre zip, et "
              "regardez-le apprendre : les graphiques montrent les pertes des joueurs, les échantillons des entrées "
              "mises de côté, les sorties et les cibles.",
    },
    "translate.train_task": {"en": "Kind of translation", "fr": "Type de traduction"},
    "translate.task_pix2pix": {"en": "Pix2Pix: from pairs", "fr": "Pix2Pix : à partir de paires"},
    "translate.task_cyclegan": {"en": "CycleGAN: without pairs", "fr": "CycleGAN : sans paires"},
    "translate.train_data": {"en": "Data set", "fr": "Jeu de données"},
    "translate.data_upload": {"en": "Your own pairs (upload a .zip)", "fr": "Vos propres images (envoyer un .zip)"},
    "translate.zip_pix2pix": {"en": "Zip in Pix2Pix's layout: train/ holding side-by-side A|B images",
                              "fr": "Zip au format Pix2Pix : train/ avec des images A|B côte à côte"},
    "translate.zip_cyclegan": {"en": "Zip in CycleGAN's layout: trainA/ and trainB/ folders",
                               "fr": "Zip au format CycleGAN : dossiers trainA/ et trainB/"},
    "translate.zip_help": {
        "en": "The layouts of the public data sets (facades, edges2shoes, horse2zebra...); at least 4 images per side. "
              "Archives are checked before use.",
        "fr": "Les formats des jeux publics (facades, edges2shoes, horse2zebra...) ; au moins 4 images par côté. Les "
              "archives sont vérifiées avant usage.",
    },
    "translate.zip_refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "translate.zip_wrong_ab": {"en": "Refused: {name} holds side-by-side pairs (Pix2Pix's layout): choose Pix2Pix for it.",
                               "fr": "Refusé : {name} contient des paires côte à côte (format Pix2Pix) : choisissez Pix2Pix."},
    "translate.zip_wrong_cyclegan": {"en": "Refused: {name} holds trainA/ and trainB/ (CycleGAN's layout): choose CycleGAN for it.",
                                     "fr": "Refusé : {name} contient trainA/ et trainB/ (format CycleGAN) : choisissez CycleGAN."},
    "translate.zip_accepted": {"en": "{name}: {counts}; domains {a} and {b}. Ready to train.",
                               "fr": "{name} : {counts} ; domaines {a} et {b}. Prêt pour l'entraînement."},
    "translate.zip_count": {"en": "{folder}/ {n:,} images", "fr": "{folder}/ {n:,} images"},
    "translate.need_upload": {"en": "upload a zip first", "fr": "envoyez d'abord un zip"},
    "translate.steps": {"en": "Training steps", "fr": "Pas d'entraînement"},
    "translate.steps_help": {
        "en": "About a second per step on a shared CPU; a preview every 100 steps. Hundreds of steps show the idea, "
              "thousands give clean pictures.",
        "fr": "Environ une seconde par pas sur un CPU partagé ; un aperçu tous les 100 pas. Quelques centaines de pas "
              "montrent l'idée, quelques milliers donnent des images propres.",
    },
    "translate.width": {"en": "Width (feature maps)", "fr": "Largeur (cartes de features)"},
    "translate.width_help": {"en": "Feature maps of the first layer: 64 in the papers; 16 trains far faster on a CPU.",
                             "fr": "Cartes de features de la première couche : 64 dans les articles ; 16 s'entraîne bien plus vite sur CPU."},
    "translate.train_start": {"en": "Start training", "fr": "Lancer l'entraînement"},
    "translate.train_refused": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "translate.your_runs": {"en": "Your translation runs", "fr": "Vos entraînements de traduction"},
    "translate.no_jobs": {"en": "You have no translation runs yet: choose settings above and press start.",
                          "fr": "Aucun entraînement de traduction pour l'instant : choisissez des réglages ci-dessus et lancez."},
    "translate.samples_rows": {
        "en": "Each sample row: a held-out input | the model's output | the target (CycleGAN: input | translation | "
              "back again).",
        "fr": "Chaque ligne d'échantillons : une entrée mise de côté | la sortie du modèle | la cible (CycleGAN : "
              "entrée | traduction | retour).",
    },
    "translate.use_run": {"en": "Translate with this model", "fr": "Traduire avec ce modèle"},
    "sr.title": {"en": "Super-Resolution", "fr": "Super-résolution"},
    "sr.intro": {
        "en": "A super-resolution network enlarges a small photo x2 or x4. The pixel-loss model (SRResNet) learns to be "
              "as close as possible to the original on average, which looks smooth; its GAN fine-tune (ESRGAN-style) "
              "adds an adversarial loss that makes textures look real. The detail it adds is **invented**: plausible, "
              "not evidence of what the original contained. Move the slider over the picture to compare.",
        "fr": "Un réseau de super-résolution agrandit une petite photo x2 ou x4. Le modèle entraîné sur les pixels "
              "(SRResNet) apprend à être, en moyenne, le plus proche possible de l'original, ce qui donne une image "
              "lisse ; son affinage GAN (façon ESRGAN) ajoute une perte adverse qui rend les textures réalistes. Les "
              "détails ajoutés sont **inventés** : plausibles, mais pas une preuve de ce que contenait l'original. "
              "Déplacez le curseur sur l'image pour comparer.",
    },
    "sr.none": {"en": "No super-resolution model is available yet: train one with `python -m ganengine train --task "
                      "superres` (see the README).",
                "fr": "Aucun modèle de super-résolution n'est encore disponible : entraînez-en un avec `python -m "
                      "ganengine train --task superres` (voir le README)."},
    "sr.scale": {"en": "Enlargement", "fr": "Agrandissement"},
    "sr.model": {"en": "Model", "fr": "Modèle"},
    "sr.model_help": {"en": "Pixel loss: closest to the original on average, smooth. GAN: sharper, with invented texture.",
                      "fr": "Perte sur les pixels : la plus proche de l'original en moyenne, lisse. GAN : plus net, "
                            "avec des textures inventées."},
    "sr.model_label": {"en": "{name} · x{scale} · {kind}", "fr": "{name} · x{scale} · {kind}"},
    "sr.stage_psnr": {"en": "pixel loss (PSNR-oriented)", "fr": "perte sur les pixels (orienté PSNR)"},
    "sr.stage_gan": {"en": "GAN fine-tune (sharper)", "fr": "affiné par GAN (plus net)"},
    "sr.source": {"en": "Image", "fr": "Image"},
    "sr.source_example": {"en": "an example", "fr": "un exemple"},
    "sr.source_upload": {"en": "my image", "fr": "mon image"},
    "sr.example": {"en": "Example photo", "fr": "Photo d'exemple"},
    "sr.example_label": {"en": "{name} ({kind})", "fr": "{name} ({kind})"},
    "sr.example_note": {
        "en": "A crop of *{name}* ({kind}), a photo no shipped model trained on, shrunk x{scale} to {w}x{h} pixels by "
              "bicubic down-sampling: the original is known, so the scores below are real.",
        "fr": "Un recadrage de *{name}* ({kind}), une photo qu'aucun modèle fourni n'a vue à l'entraînement, réduite "
              "x{scale} à {w}x{h} pixels par sous-échantillonnage bicubique : l'original est connu, les scores "
              "ci-dessous sont donc réels.",
    },
    "sr.upload": {"en": "Your image (PNG, JPEG, WebP or BMP)", "fr": "Votre image (PNG, JPEG, WebP ou BMP)"},
    "sr.upload_help": {"en": "Checked before use (at most {pixels:,} pixels). The page enlarges up to {side} pixels on the "
                             "long side (larger images are shrunk first); the CLI takes any size, in tiles.",
                       "fr": "Vérifiée avant usage ({pixels:,} pixels au plus). La page agrandit jusqu'à {side} pixels "
                             "sur le grand côté (les images plus grandes sont d'abord réduites) ; la CLI accepte toute taille, par tuiles."},
    "sr.shrink_first": {"en": "Shrink my image first, so it is the reference", "fr": "Réduire d'abord mon image, pour qu'elle serve de référence"},
    "sr.shrink_first_help": {
        "en": "Your image is shrunk by the scale, then enlarged back: the result can be scored against your original.",
        "fr": "Votre image est réduite du facteur choisi puis ré-agrandie : le résultat peut être comparé à votre original.",
    },
    "sr.upload_prompt": {"en": "Upload an image to enlarge it, or pick an example.",
                         "fr": "Envoyez une image pour l'agrandir, ou choisissez un exemple."},
    "sr.shrunk": {"en": "Your {w0}x{h0} image was shrunk to {w}x{h} first.",
                  "fr": "Votre image de {w0}x{h0} a d'abord été réduite à {w}x{h}."},
    "sr.shrunk_first": {"en": "Shrunk x{scale} to {w}x{h} pixels (bicubic): your image is the reference.",
                        "fr": "Réduite x{scale} à {w}x{h} pixels (bicubique) : votre image sert de référence."},
    "sr.working": {"en": "Enlarging…", "fr": "Agrandissement…"},
    "sr.refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "sr.compare_with": {"en": "Left of the slider", "fr": "À gauche du curseur"},
    "sr.bicubic": {"en": "bicubic", "fr": "bicubique"},
    "sr.original": {"en": "original", "fr": "original"},
    "sr.input": {"en": "input (small)", "fr": "entrée (petite)"},
    "sr.slider_hint": {"en": "Drag to move the border between the two images",
                       "fr": "Glissez pour déplacer la frontière entre les deux images"},
    "sr.made": {"en": "{w}x{h} pixels: {note}, in {seconds:.2f} s.", "fr": "{w}x{h} pixels : {note}, en {seconds:.2f} s."},
    "sr.download": {"en": "Download the enlargement (PNG, with provenance)",
                    "fr": "Télécharger l'agrandissement (PNG, avec provenance)"},
    "sr.crops_title": {"en": "Zoom in", "fr": "Zoom"},
    "sr.crops_text": {
        "en": "The same small region of every version, enlarged with square pixels so nothing is smoothed by the "
              "browser. Bicubic blurs edges; the pixel-loss model makes them crisp but smooths texture; the GAN adds "
              "texture that looks right but may not be what was there.",
        "fr": "La même petite région de chaque version, agrandie en pixels carrés pour que le navigateur ne lisse rien. "
              "Le bicubique floute les contours ; le modèle sur les pixels les rend nets mais lisse les textures ; le "
              "GAN ajoute une texture crédible, qui n'est pas forcément celle qui était là.",
    },
    "sr.crop_x": {"en": "Zoom: left ↔ right", "fr": "Zoom : gauche ↔ droite"},
    "sr.crop_y": {"en": "Zoom: top ↕ bottom", "fr": "Zoom : haut ↕ bas"},
    "sr.tradeoff_title": {"en": "Sharper, yet a lower score: the perception-distortion trade-off",
                          "fr": "Plus net, mais moins bien noté : le compromis perception-distorsion"},
    "sr.tradeoff_text": {
        "en": "PSNR and SSIM reward being close to the original pixel by pixel. When many sharp images could have "
              "been shrunk into the same small one, the closest guess *on average* is their blurry mean, so the "
              "pixel-loss model wins on PSNR. The GAN commits to one sharp, plausible answer: it looks more like a "
              "real photo but misses the exact pixels, so its PSNR drops (Blau and Michaeli, 2018, proved you cannot "
              "have both at once). The chart puts each model on both axes.",
        "fr": "Le PSNR et le SSIM récompensent la proximité avec l'original, pixel par pixel. Quand beaucoup d'images "
              "nettes auraient pu donner la même petite image, la meilleure réponse *en moyenne* est leur moyenne "
              "floue : le modèle entraîné sur les pixels gagne donc au PSNR. Le GAN choisit une réponse nette et "
              "plausible : elle ressemble davantage à une vraie photo mais rate les pixels exacts, et son PSNR baisse "
              "(Blau et Michaeli, 2018, ont montré qu'on ne peut pas avoir les deux à la fois). Le graphique place "
              "chaque modèle sur les deux axes.",
    },
    "sr.tradeoff_numbers": {
        "en": "On the held-out photos of the model cards, the pixel-loss model scores **{p_psnr} dB** PSNR and the "
              "GAN **{g_psnr} dB** (bicubic: {b_psnr} dB), while their detail ratios are **{p_detail}** and "
              "**{g_detail}** (bicubic: {b_detail}; 1 = as much fine texture as the real photo). Measured on {where}.",
        "fr": "Sur les photos mises de côté des fiches de modèle, le modèle sur les pixels obtient **{p_psnr} dB** de "
              "PSNR et le GAN **{g_psnr} dB** (bicubique : {b_psnr} dB), avec des taux de détail de **{p_detail}** et "
              "**{g_detail}** (bicubique : {b_detail} ; 1 = autant de texture fine que la vraie photo). Mesuré sur : {where}.",
    },
    "sr.scores_here": {"en": "Scores on this image (*{name}*), against its original:",
                       "fr": "Scores sur cette image (*{name}*), par rapport à son original :"},
    "sr.no_reference": {"en": "No original is known for this image, so it cannot be scored; tick “shrink my image "
                              "first” to score it.",
                        "fr": "Aucun original n'est connu pour cette image : pas de score possible ; cochez « réduire "
                              "d'abord mon image » pour l'évaluer."},
    "sr.col_method": {"en": "method", "fr": "méthode"},
    "sr.col_detail": {"en": "detail ratio", "fr": "taux de détail"},
    "sr.col_bicubic_psnr": {"en": "bicubic PSNR-Y (dB)", "fr": "PSNR-Y bicubique (dB)"},
    "sr.col_gain": {"en": "gain over bicubic (dB)", "fr": "gain sur le bicubique (dB)"},
    "sr.cards_trace": {"en": "model cards (held-out photos)", "fr": "fiches de modèle (photos mises de côté)"},
    "sr.this_trace": {"en": "this image", "fr": "cette image"},
    "sr.as_textured": {"en": "as textured as the photo", "fr": "aussi texturé que la photo"},
    "sr.axis_psnr": {"en": "PSNR-Y (dB): closer to the original →", "fr": "PSNR-Y (dB) : plus proche de l'original →"},
    "sr.axis_detail": {"en": "detail ratio (1 = real photo)", "fr": "taux de détail (1 = vraie photo)"},
    "sr.cards_caption": {
        "en": "From each model card: PSNR and SSIM on luminance, borders shaved, on crops of photos the model never "
              "saw; bicubic measured on the same crops.",
        "fr": "D'après chaque fiche de modèle : PSNR et SSIM sur la luminance, bords rognés, sur des recadrages de "
              "photos que le modèle n'a jamais vues ; le bicubique est mesuré sur les mêmes recadrages.",
    },
    # --- evaluate ---
    "evaluate.title": {"en": "Evaluate", "fr": "Évaluer"},
    "evaluate.intro": {
        "en": "How good is a generator, and is it better than another? These scores compare many generated samples "
              "with real images through the features of a trained network. Pick generators, a data set and a sample "
              "count, then press Evaluate; every number says what it was measured on.",
        "fr": "Un générateur est-il bon, et meilleur qu'un autre ? Ces scores comparent de nombreux échantillons générés "
              "à des images réelles à travers les features d'un réseau entraîné. Choisissez des générateurs, des données "
              "et un nombre d'échantillons, puis lancez l'évaluation ; chaque nombre dit sur quoi il a été mesuré.",
    },
    "evaluate.explain_title": {"en": "What the scores mean", "fr": "Ce que disent les scores"},
    "evaluate.explain": {
        "en": "- **FID** (Fréchet distance, lower is better): distance between the mean and covariance of real and generated "
              "features. It sees both quality and variety, which is why it replaced the Inception Score.\n"
              "- **KID** (lower is better): a kernel version of the same comparison, unbiased, so it is fairer with few samples.\n"
              "- **IS** (higher is better): confident *and* varied class predictions; it never looks at real images, "
              "so it cannot see a generator that copies them or misses what they contain.\n"
              "- **Precision** (quality: generated samples that fall among real ones) and **recall** (variety: real images "
              "that generated samples reach). Mode collapse keeps precision and drops recall.\n"
              "- **Sample count matters**: FID is biased upward with few samples; only compare numbers measured with the "
              "same count, data and feature extractor.\n"
              "- **Feature extractor**: the standard Inception network when its weights are on this machine; otherwise a "
              "small classifier the project trained on this data set. Their numbers are never comparable.",
        "fr": "- **FID** (distance de Fréchet, plus bas = mieux) : distance entre moyennes et covariances des features réelles "
              "et générées. Elle voit à la fois la qualité et la variété, d'où son remplacement de l'Inception Score.\n"
              "- **KID** (plus bas = mieux) : version à noyau de la même comparaison, sans biais, donc plus juste avec peu "
              "d'échantillons.\n"
              "- **IS** (plus haut = mieux) : prédictions de classes sûres *et* variées ; il ne regarde jamais les vraies "
              "images, donc ne voit pas un générateur qui les copie ou qui en rate une partie.\n"
              "- **Précision** (qualité : échantillons générés qui tombent parmi les vrais) et **rappel** (variété : vraies "
              "images atteintes par les échantillons). Un effondrement de modes garde la précision et fait chuter le rappel.\n"
              "- **Le nombre d'échantillons compte** : la FID est biaisée vers le haut avec peu d'échantillons ; ne comparez "
              "que des nombres mesurés avec le même nombre, les mêmes données et le même extracteur.\n"
              "- **Extracteur de features** : le réseau Inception standard si ses poids sont sur cette machine ; sinon un petit "
              "classifieur entraîné par le projet sur ces données. Leurs nombres ne sont jamais comparables.",
    },
    "evaluate.other_data": {"en": "{names}: trained on other data than {data}, so the scores will mostly say that.",
                            "fr": "{names} : entraîné(s) sur d'autres données que {data}, les scores diront surtout cela."},
    "evaluate.negative_kid": {"en": "KID is an unbiased estimate: a value below 0 means the two sets cannot be told apart at this sample count.",
                              "fr": "La KID est une estimation sans biais : une valeur sous 0 signifie que les deux ensembles sont indiscernables à ce nombre d'échantillons."},
    "col.step": {"en": "steps trained", "fr": "pas d'entraînement"},
    "col.samples": {"en": "samples", "fr": "échantillons"},
    "col.seconds": {"en": "seconds", "fr": "secondes"},
    "col.extractor": {"en": "feature extractor", "fr": "extracteur"},
    "col.fid": {"en": "FID ↓", "fr": "FID ↓"},
    "col.kid": {"en": "KID ↓", "fr": "KID ↓"},
    "col.kid_std": {"en": "KID spread", "fr": "écart KID"},
    "col.isc": {"en": "IS ↑", "fr": "IS ↑"},
    "col.isc_std": {"en": "IS spread", "fr": "écart IS"},
    "col.precision": {"en": "precision ↑", "fr": "précision ↑"},
    "col.recall": {"en": "recall ↑", "fr": "rappel ↑"},
    "evaluate.none": {"en": "No image generator is available: train one first.", "fr": "Aucun générateur d'images disponible : entraînez-en un d'abord."},
    "evaluate.checkpoints": {"en": "Generators to compare", "fr": "Générateurs à comparer"},
    "evaluate.checkpoints_help": {"en": "Shipped models, your runs and your uploads.", "fr": "Modèles fournis, vos entraînements et vos envois."},
    "evaluate.pick_one": {"en": "Pick at least one generator.", "fr": "Choisissez au moins un générateur."},
    "evaluate.data": {"en": "Real data", "fr": "Données réelles"},
    "evaluate.data_help": {"en": "Usually the set the generator was trained on.", "fr": "En général, les données d'entraînement du générateur."},
    "evaluate.samples_help": {"en": "Generated samples, and as many real images. More is slower and more reliable.",
                              "fr": "Échantillons générés, et autant d'images réelles. Plus = plus lent et plus fiable."},
    "evaluate.metrics": {"en": "Metrics", "fr": "Métriques"},
    "evaluate.extractor": {"en": "Feature extractor", "fr": "Extracteur de features"},
    "evaluate.extractor_help": {"en": "Inception needs its weights file on this machine (see the README); the domain classifier always works offline.",
                                "fr": "Inception demande son fichier de poids sur cette machine (voir le README) ; le classifieur du domaine marche toujours hors ligne."},
    "extractor.auto": {"en": "automatic", "fr": "automatique"},
    "extractor.domain": {"en": "domain classifier", "fr": "classifieur du domaine"},
    "extractor.inception": {"en": "Inception-v3", "fr": "Inception-v3"},
    "metric.fid": {"en": "FID", "fr": "FID"},
    "metric.kid": {"en": "KID", "fr": "KID"},
    "metric.isc": {"en": "Inception Score", "fr": "Inception Score"},
    "metric.prc": {"en": "precision / recall", "fr": "précision / rappel"},
    "metric.precision": {"en": "Precision", "fr": "Précision"},
    "metric.recall": {"en": "Recall", "fr": "Rappel"},
    "evaluate.run": {"en": "Evaluate", "fr": "Évaluer"},
    "evaluate.running": {"en": "Evaluated {done} of {total}", "fr": "{done} évalué(s) sur {total}"},
    "evaluate.queued": {"en": "Waiting for a free slot on the server: position {pos} in the queue.",
                        "fr": "En attente d'une place libre sur le serveur : position {pos} dans la file."},
    "evaluate.working": {"en": "Measuring in the background…", "fr": "Mesure en arrière-plan…"},
    "evaluate.busy": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "evaluate.failed": {"en": "The evaluation stopped with an error: {reason}", "fr": "L'évaluation s'est arrêtée sur une erreur : {reason}"},
    "evaluate.refused": {"en": "{name}: {reason}", "fr": "{name} : {reason}"},
    "evaluate.press_run": {"en": "Press Evaluate to measure the chosen generators.", "fr": "Lancez l'évaluation pour mesurer les générateurs choisis."},
    "evaluate.col_model": {"en": "generator", "fr": "générateur"},
    "evaluate.measured": {"en": "Measured on {n:,} generated samples against {real:,} real images of {data}, with: {extractor}.",
                          "fr": "Mesuré sur {n:,} échantillons générés contre {real:,} images réelles de {data}, avec : {extractor}."},
    "evaluate.mixed_extractors": {"en": "These rows were measured with different feature extractors: do not compare them.",
                                  "fr": "Ces lignes ont été mesurées avec des extracteurs différents : ne les comparez pas."},
    "evaluate.csv": {"en": "Download the table (CSV)", "fr": "Télécharger le tableau (CSV)"},
    "evaluate.deeper": {"en": "Look closer at one generator", "fr": "Regarder un générateur de plus près"},
    "evaluate.focus": {"en": "Generator", "fr": "Générateur"},
    "evaluate.tab_coverage": {"en": "Class coverage", "fr": "Couverture des classes"},
    "evaluate.tab_memory": {"en": "Memorisation check", "fr": "Contrôle de mémorisation"},
    "evaluate.tab_steps": {"en": "FID over training", "fr": "FID pendant l'entraînement"},
    "evaluate.tab_judge": {"en": "Independent digits judge", "fr": "Juge de chiffres indépendant"},
    "evaluate.coverage_intro": {"en": "Which classes the generator makes, read by the data set's classifier, next to their share in the real data. A missing bar is a dropped mode.",
                                "fr": "Quelles classes le générateur produit, lues par le classifieur des données, à côté de leur part dans les vraies données. Une barre absente est un mode perdu."},
    "evaluate.coverage_title": {"en": "Share of each class ({n:,} generated samples)", "fr": "Part de chaque classe ({n:,} échantillons générés)"},
    "evaluate.coverage_caption": {"en": "Classes read by {clf} on {n:,} samples (seed 0).", "fr": "Classes lues par {clf} sur {n:,} échantillons (graine 0)."},
    "evaluate.unavailable": {"en": "Not available for this generator: {reason}", "fr": "Indisponible pour ce générateur : {reason}"},
    "evaluate.memory_intro": {"en": "Does the generator copy its training images? Top row: the 8 of 512 samples closest to a training image; bottom row: that training image.",
                              "fr": "Le générateur recopie-t-il ses images d'entraînement ? En haut : les 8 échantillons sur 512 les plus proches d'une image d'entraînement ; en bas : cette image."},
    "evaluate.memory_caption": {"en": "Generated (top) and nearest training image (bottom)", "fr": "Généré (haut) et image d'entraînement la plus proche (bas)"},
    "evaluate.memory_numbers": {"en": "Pixel distances: {d}. For scale, two different training images are typically {typical} apart: much smaller distances would suggest copies.",
                                "fr": "Distances en pixels : {d}. Pour comparer, deux images d'entraînement différentes sont en général à {typical} : des distances bien plus petites suggéreraient des copies."},
    "evaluate.steps_intro": {"en": "FID of the checkpoints a run saved: does more training still help?", "fr": "FID des checkpoints d'un entraînement : s'entraîner plus aide-t-il encore ?"},
    "evaluate.no_runs": {"en": "None of your image runs has two checkpoints yet.", "fr": "Aucun de vos entraînements d'images n'a encore deux checkpoints."},
    "evaluate.run_pick": {"en": "Run", "fr": "Entraînement"},
    "evaluate.run_label": {"en": "{id} · {model} on {data}", "fr": "{id} · {model} sur {data}"},
    "evaluate.two_readers": {
        "en": "This judge and the Coverage tab's classifier are independent readers (an SVM on 8x8 pixels here, a small CNN "
              "on the full image there): they agree on clear digits and split on ambiguous ones, so their class shares can differ.",
        "fr": "Ce juge et le classifieur de l'onglet Couverture lisent indépendamment (ici un SVM sur 8x8 pixels, là un petit "
              "CNN sur l'image entière) : ils s'accordent sur les chiffres nets et divergent sur les ambigus, d'où des parts "
              "de classes parfois différentes.",
    },
    "evaluate.steps_run": {"en": "Compute the curve", "fr": "Calculer la courbe"},
    "evaluate.steps_running": {"en": "Measuring each checkpoint…", "fr": "Mesure de chaque checkpoint…"},
    "evaluate.judge_intro": {"en": "An **independent judge** — scikit-learn's SVM trained on the raw 8x8 digits, sharing nothing with the GAN — reads the samples.",
                             "fr": "Un **juge indépendant** — le SVM de scikit-learn entraîné sur les chiffres bruts 8x8, sans rien de commun avec le GAN — lit les échantillons."},
    "evaluate.judge_digits_only": {"en": "The independent judge reads grey digits models only.", "fr": "Le juge indépendant ne lit que les modèles de chiffres en niveaux de gris."},
    "evaluate.samples": {"en": "Samples", "fr": "Échantillons"},
    "evaluate.confidence": {"en": "Judge's mean confidence", "fr": "Confiance moyenne du juge"},
    "evaluate.confidence_help": {"en": "Mean top-class probability: real digits score about 0.97, noise about 0.2.",
                                 "fr": "Probabilité moyenne de la classe choisie : les vrais chiffres obtiennent environ 0,97, du bruit environ 0,2."},
    "evaluate.covered": {"en": "Digits covered", "fr": "Chiffres couverts"},
    "evaluate.covered_help": {"en": "Classes receiving at least 3% of the samples.", "fr": "Classes recevant au moins 3 % des échantillons."},
    "evaluate.diversity": {"en": "Variety vs real digits", "fr": "Variété face aux vrais chiffres"},
    "evaluate.diversity_help": {
        "en": "How different samples of the same digit are from each other, over the same figure for real digits: 1 is as "
              "varied as the data; near 0 means one image per digit (mode collapse inside a class).",
        "fr": "À quel point les échantillons d'un même chiffre diffèrent entre eux, rapporté à la même mesure sur les vrais "
              "chiffres : 1 = aussi varié que les données ; proche de 0 = une seule image par chiffre (effondrement de modes).",
    },
    "evaluate.accuracy": {"en": "Asked-for class recognised", "fr": "Classe demandée reconnue"},
    "evaluate.accuracy_help": {"en": "Conditional models only: share of samples the judge reads as the class that was asked for.",
                               "fr": "Modèles conditionnels seulement : part des échantillons que le juge lit comme la classe demandée."},
    "evaluate.shares_title": {"en": "Which digits the judge sees ({n:,} samples)", "fr": "Quels chiffres le juge voit ({n:,} échantillons)"},
    "evaluate.measured_on": {"en": "Measured on {n:,} samples from seed 0 by: {judge}.", "fr": "Mesuré sur {n:,} échantillons de la graine 0 par : {judge}."},
    # --- ethics ---
    "ethics.title": {"en": "Ethics & Detection", "fr": "Éthique et détection"},
    "ethics.intro": {
        "en": "The same techniques that make faces for a game make deepfakes of real people. Consent, disclosure and "
              "the ability to check where an image came from matter as much as image quality. Every image GAN Studio "
              "writes carries provenance text (software, model, seed) inside the PNG.",
        "fr": "Les techniques qui créent des visages pour un jeu créent aussi des deepfakes de vraies personnes. Le "
              "consentement, la transparence et la possibilité de vérifier l'origine d'une image comptent autant que "
              "sa qualité. Chaque image écrite par GAN Studio porte sa provenance (logiciel, modèle, graine) dans le PNG.",
    },
    "ethics.later": {"en": "The real-vs-fake detector and the frequency-spectrum analysis arrive in a later release.",
                     "fr": "Le détecteur vrai/faux et l'analyse du spectre de fréquences arrivent dans une prochaine version."},
    "ethics.provenance_title": {"en": "Read an image's provenance", "fr": "Lire la provenance d'une image"},
    "ethics.provenance_text": {
        "en": "Upload a PNG to see the text chunks it carries. Metadata is easy to strip, so its absence proves nothing; "
              "its presence is a label the maker chose to keep.",
        "fr": "Envoyez un PNG pour voir les textes qu'il contient. Les métadonnées s'effacent facilement : leur absence "
              "ne prouve rien ; leur présence est une étiquette que l'auteur a choisi de garder.",
    },
    "ethics.upload": {"en": "A PNG image", "fr": "Une image PNG"},
    "prov.software": {"en": "Made with", "fr": "Fait avec"},
    "prov.model": {"en": "Model file", "fr": "Fichier du modèle"},
    "prov.checkpoint_data": {"en": "Model's training data", "fr": "Données d'entraînement du modèle"},
    "prov.seed": {"en": "Seed", "fr": "Graine"},
    "prov.truncation": {"en": "Truncation", "fr": "Troncature"},
    "prov.class": {"en": "Class asked for", "fr": "Classe demandée"},
    "prov.index": {"en": "Image number in the set", "fr": "Numéro de l'image dans le lot"},
    "prov.step": {"en": "Training step", "fr": "Pas d'entraînement"},
    "ethics.demo": {"en": "Example: a digit just generated by the shipped DCGAN, read back from its PNG bytes.",
                    "fr": "Exemple : un chiffre que le DCGAN fourni vient de générer, relu depuis les octets de son PNG."},
    "ethics.refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "ethics.is_ours": {"en": "This image says it was generated by GAN Studio.", "fr": "Cette image indique avoir été générée par GAN Studio."},
    "ethics.no_mark": {"en": "No GAN Studio mark: that does not make the image real.", "fr": "Aucune marque GAN Studio : cela ne rend pas l'image vraie."},
    "ethics.questions_title": {"en": "Questions for the class", "fr": "Questions pour la classe"},
    "ethics.questions": {
        "en": "- Whose faces were in the training data, and did they agree?\n- Who is harmed if a generated image is "
              "taken for a photograph?\n- What should a platform do with an image it cannot verify?",
        "fr": "- À qui appartiennent les visages des données d'entraînement, et ont-ils consenti ?\n- Qui est lésé si "
              "une image générée est prise pour une photo ?\n- Que doit faire une plateforme d'une image qu'elle ne "
              "peut pas vérifier ?",
    },
}
