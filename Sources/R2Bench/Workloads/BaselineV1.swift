/// The library's baseline as it stood in model v1 (commit 20f8617), without
/// its `as of` line: the scenario the hand-written loops implement by hand
/// (`HandWrittenBaseline`), so that the engine is compared with them on the
/// model they compute, and the cost of a scenario that uses none of model
/// v2's mechanisms can be measured. The library's baseline has since moved
/// to model v2 (scenarios/baseline.r2s).
enum BaselineV1 {
    static let text = #"""
        # r2cast scenario library: the baseline.
        #
        # What was known on 2025-08-14, the day the Financial Times reported that
        # DeepSeek's R2 had been held back by failed training runs on Huawei Ascend
        # chips. Nothing reported after that date is used here (the as-of scenarios
        # carry the later turning points).
        #
        # Units: compute is counted in H800-months (one H800 for one month is 1.0).
        # Every input cites its evidence cards; inputs marked "judgement" are ours,
        # explained in the comment and tabled in docs/EVIDENCE.md. Where reports
        # disagree, the input is a distribution spanning them.

        scenario baseline
        clock 2025-01 to 2027-12
        trials 20k
        seed 1

        # ---- Chips ----------------------------------------------------------------
        # The H800 is the reference chip. On the mature CUDA stack a failure that
        # kills a month of a run is rare (judgement: 0.5% to 4% a month).
        chip h800 foreign perf 1.0 fail pert(0.5%, 1.5%, 4%) cite seeds/2024-12-27-deepseek-v3-report.md
        # The H100 is the same generation with full-speed NVLink: a little faster than
        # the H800 for training (judgement 1.0 to 1.2).
        chip h100 foreign perf pert(1.0, 1.05, 1.2) fail pert(0.5%, 1.5%, 4%) cite seeds/2022-08-31-us-licence-a100-h100.md, seeds/2025-01-31-semianalysis-fleet-estimate.md
        # The H20 has about a sixth of the H800's dense compute but plenty of memory
        # bandwidth: 0.12 to 0.3 of an H800 for training (judgement).
        chip h20 foreign perf pert(0.12, 0.18, 0.3) fail pert(0.5%, 1.5%, 4%) cite seeds/2025-01-31-semianalysis-fleet-estimate.md, seeds/2025-04-15-reuters-h20-licence-requirement.md
        # A better Nvidia part than the H20 that Washington might license later (an
        # H200 or a cut-down Blackwell). Judgement: banned unless the nvidia_opens
        # event fires. The July and August H20 decisions show access was for sale.
        chip h200 foreign perf pert(1.0, 1.15, 1.4) fail pert(0.5%, 1.5%, 4%) cite seeds/2025-07-15-nvidia-h20-licences-signal.md, seeds/2025-08-11-ap-h20-licences-15pct.md
        # Ascend 910C: about 0.6 of an H100 in inference (DeepSeek's own tests), much
        # less in sustained training (judgement 0.3 to 0.6). Runs on it kept failing
        # (FT, Ars): a fatal failure in 25% to 75% of months, central 45%.
        chip ascend910c domestic perf 0.3 to 0.6 fail pert(25%, 45%, 75%) cite seeds/2025-02-00-ascend-910c-inference-60pct.md, seeds/2025-08-14-ft-r2-ascend-training-failed.md, seeds/2025-08-14-arstechnica-r2-ascend-unstable.md
        # With Huawei's engineers on site, a year of fixes should make runs more stable
        # from 2026 (judgement: 10% to 50% of months, central 25%).
        fail ascend910c pert(10%, 25%, 50%) from 2026-01 cite seeds/2025-08-14-ft-r2-ascend-training-failed.md, seeds/2025-08-14-arstechnica-r2-ascend-unstable.md

        # ---- Fleets at 2025-01 (chips usable together for one training run) -----------
        # H800: at least the 2,048 of the V3 run; SemiAnalysis says about 10k (disputed).
        fleet h800 2k to 10k cite seeds/2024-12-27-deepseek-v3-report.md, seeds/2025-01-31-semianalysis-fleet-estimate.md
        # H100: SemiAnalysis says about 10k, disputed and never confirmed; the chip has
        # needed a licence since 2022. Even odds between none usable and a few thousand.
        fleet h100 mixture(0 @ 50%, 2k to 8k @ 50%) cite seeds/2025-01-31-semianalysis-fleet-estimate.md, seeds/2022-08-31-us-licence-a100-h100.md
        # H20: "the rest" of SemiAnalysis's 50k, about 30k; carried 5k to 30k.
        fleet h20 5k to 30k cite seeds/2025-01-31-semianalysis-fleet-estimate.md
        # Ascend 910C held at the start: no report; judgement 0.5k to 4k (enough for the
        # lab to attempt a run, "not enough suitable compute" per the FT).
        fleet ascend910c 0.5k to 4k cite seeds/2025-08-14-ft-r2-ascend-training-failed.md

        # ---- Foreign supply ---------------------------------------------------------
        # The H800 and H100 rules predate the clock: their fleets can only stay level.
        export h800 banned cite seeds/2023-10-17-us-rule-a800-h800.md
        export h100 banned cite seeds/2022-08-31-us-licence-a100-h100.md
        export h200 banned cite seeds/2025-07-15-nvidia-h20-licences-signal.md
        export h20 allowed cite seeds/2025-01-31-semianalysis-fleet-estimate.md
        export h20 banned from 2025-04-15 cite seeds/2025-04-15-reuters-h20-licence-requirement.md
        # Licences granted against 15% of revenue; each month's order still needs one
        # (judgement: approved 30% to 90% of months).
        export h20 licensed pert(30%, 60%, 90%) from 2025-08-11 cite seeds/2025-07-15-nvidia-h20-licences-signal.md, seeds/2025-08-11-ap-h20-licences-15pct.md
        # About 30k H20 held after roughly a year of sales suggests 1k to 4k a month
        # (judgement).
        buy h20 1k to 4k per month cite seeds/2025-01-31-semianalysis-fleet-estimate.md
        # Told to avoid the H20, the lab orders far fewer once licences return
        # (judgement: 0.2k to 1.5k a month), on top of the orders pressure blocks.
        buy h20 0.2k to 1.5k per month from 2025-08-12 cite seeds/2025-08-12-bloomberg-avoid-h20.md
        # What the lab would order of a better part if it were allowed (judgement).
        buy h200 1k to 4k per month cite seeds/2025-07-15-nvidia-h20-licences-signal.md

        # ---- Domestic supply ----------------------------------------------------------
        # Ascend output in 2025: at most 200k per a US Commerce official; the project
        # carries 0.2M to 0.8M because other estimates run higher.
        let ascend_output_2025 = 0.2M to 0.8M cite seeds/2025-06-12-commerce-ascend-output.md
        # The lab's share of that output usable for its own training (judgement: 0.5%
        # to 4%, central 1.5%; Huawei serves state customers and the big platforms
        # first, and the lab's Ascend inference largely runs on Huawei Cloud).
        let lab_share = pert(0.5%, 1.5%, 4%) cite seeds/2025-06-12-commerce-ascend-output.md
        # Good-die yield at 2025-01: about 40% by February after about 20% a year
        # earlier (FT); carried 20% to 50%, central 35%.
        let ascend_y0 = pert(20%, 35%, 50%) cite seeds/2025-02-00-ft-ascend-yield.md
        # Dies allocated per month = good chips a month / starting yield. The yield
        # then rises 0.3 to 1.2 points a month toward Huawei's ~60% target (cap 50%-70%).
        make ascend910c ascend_output_2025 / 12 * lab_share / ascend_y0 per month yield ascend_y0 rising uniform(0.3%, 1.2%) per month to uniform(50%, 70%) cite seeds/2025-06-12-commerce-ascend-output.md, seeds/2025-02-00-ft-ascend-yield.md

        # ---- Government pressure on the lab -------------------------------------------------
        # Before R1 the lab drew little attention (judgement 5% to 30%).
        pressure pert(5%, 15%, 30%) cite seeds/2025-01-20-deepseek-r1-release.md
        # Pressure is the probability that Beijing's wish binds the lab in a month: it
        # blocks an approved foreign order, decides the chip R2 starts on, and blocks a
        # move of the run back to Nvidia. After R1 the authorities asked the lab to
        # train on Ascend, and it did (FT): at R2's start it bound in most trials,
        # leaving room for the FT account to be wrong.
        pressure pert(75%, 88%, 98%) from 2025-02 cite seeds/2025-01-20-deepseek-r1-release.md, seeds/2025-08-14-ft-r2-ascend-training-failed.md
        # Once the runs failed, the lab went back to seeking Nvidia for training (FT:
        # Nvidia for training, Ascend for inference; Ars: still hunting Nvidia chips),
        # which it could only do if the wish bound less often. Judgement: from the
        # planned release month it binds 40% to 80% of months.
        pressure pert(40%, 60%, 80%) from 2025-05 cite seeds/2025-08-14-ft-r2-ascend-training-failed.md, seeds/2025-08-14-arstechnica-r2-ascend-unstable.md
        # CAC summons over the H20, then guidance to avoid it, and city targets of
        # 70%-100% domestic by 2027: up again.
        pressure pert(50%, 70%, 90%) from 2025-07-31 cite seeds/2025-07-31-cac-summons-nvidia-h20.md, seeds/2025-08-12-bloomberg-avoid-h20.md, seeds/2025-08-00-nikkei-city-domestic-targets.md

        # ---- The R2 programme ------------------------------------------------------------
        # V3 used 2.788M H800 GPU-hours = about 3.8k H800-months.
        let v3_compute = 3.8k cite seeds/2024-12-27-deepseek-v3-report.md
        # Planned for early May: training began around Feb-Mar 2025. A next-generation
        # flagship needs 1.5 to 8 times V3 (more tokens, more active parameters, a
        # larger reinforcement-learning stage; the FT cites compute for a bigger data
        # volume): median about 3.5x, 13k H800-months. One to three months of
        # post-training and evaluation, as between V3 and R1.
        r2 start between 2025-02 and 2025-03 needs v3_compute * (1.5 to 8) chip-months post 1 to 3 months cite seeds/2025-02-25-reuters-r2-planned-may.md, seeds/2024-12-27-deepseek-v3-report.md, seeds/2025-08-14-ft-r2-ascend-training-failed.md
        # The CEO held the release for performance (The Information); GPT-5 raised the
        # bar (the French relay of Ars). Each hold adds 1 to 3 months; the gate holds
        # 30% to 75% of the time.
        r2 hold pert(30%, 50%, 75%) for 1 to 3 months cite seeds/2025-06-26-the-information-r2-delayed.md, seeds/2025-08-14-arstechnica-r2-ascend-unstable.md
        # "Nvidia for training, Ascend for inference": after 2 to 5 failures the lab
        # tries to move the run to Nvidia; the port stalls it 1 to 3 months. The count
        # is drawn as a whole number (3 in about half the trials) so that no engine
        # has to decide how to round it.
        r2 switch after mixture(2 @ 25%, 3 @ 45%, 4 @ 20%, 5 @ 10%) failures port 1 to 3 months cite seeds/2025-08-14-ft-r2-ascend-training-failed.md, seeds/2025-08-14-arstechnica-r2-ascend-unstable.md
        # "Never one complete run" in about six months of trying: a failure wipes all
        # progress 10% to 60% of the time (central 30%).
        r2 restart pert(10%, 30%, 60%) cite seeds/2025-08-14-ft-r2-ascend-training-failed.md

        # ---- What could happen next (judgement, from the direction of the evidence) ------
        # Washington reverses the H20 licences (the revenue deal was legally questioned).
        event reban 20% between 2025-10 and 2026-12: export h20 banned cite seeds/2025-08-11-ap-h20-licences-15pct.md
        # Beijing turns its guidance into an outright ban on Nvidia purchases.
        event beijing_ban 30% between 2025-09 and 2026-06: pressure 95% cite seeds/2025-08-12-bloomberg-avoid-h20.md, seeds/2025-07-31-cac-summons-nvidia-h20.md
        # Washington licenses a better part than the H20 for a price.
        event nvidia_opens 20% between 2025-12 and 2026-12: export h200 licensed 50% cite seeds/2025-08-11-ap-h20-licences-15pct.md

        forecast
        p(release by 2026-06-30)

        # ---- Expectations: what we believe given the knowledge of 2025-08-14 ------------
        # R2 had not shipped by 2025-08-14 and the lab was reported stuck on Ascend.
        # The model only knows this through its inputs (a mandate at the start on most
        # trials, frequent Ascend failures, holds); the residue is the chance that the
        # FT account is wrong and the run went on Nvidia. We put that at under one in ten.
        expect p(release by 2025-08-14) below 12%

        # Our central view on 2025-08-14: months of failed runs, then either a move to
        # Nvidia (blocked in many months by Beijing) or a slow finish on a growing
        # Ascend fleet, plus a quality gate: a release most likely in the first half
        # of 2026, with a wide spread from late 2025 to late 2026.
        expect median release between 2025-11 and 2026-09

        # Even in the slow branch, growing Ascend capacity and maturing software should
        # get a run through within about two years.
        expect quantile 90% release before 2027-06
        expect censored below 10%

        # At least two chances in three of a release by the end of 2026, a year and a
        # half past the planned date.
        expect p(release by 2026-12-31) above 65%

        # Adoption (domestic share of the lab's training-grade capacity, weighted by
        # perf): a few percent at the start; every new Ascend chip the lab gets raises
        # it while the foreign fleet barely grows (H800 and H100 banned, H20 orders
        # mostly discouraged). By the end of 2025 we expect more than a tenth, by the
        # end of 2027 more than a quarter. TrendForce put the sector near 40% domestic
        # in 2025; one Nvidia-trained lab, weighted by perf, starts well below that.
        expect adoption at 2025-12 above 10% cite seeds/2025-05-15-trendforce-import-share.md
        expect adoption at 2027-12 above 25% cite seeds/2025-05-15-trendforce-import-share.md
        """#
}
