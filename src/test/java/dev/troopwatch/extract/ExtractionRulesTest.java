package dev.troopwatch.extract;

import static dev.troopwatch.extract.Articles.extract;
import static dev.troopwatch.extract.Articles.triples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Text in, event out: one behaviour per test, our own sentences, publication date pinned to 2025-03-07. */
class ExtractionRulesTest {

    private static Mention first(List<Mention> mentions, String triple) {
        return mentions.stream().filter(m -> (m.actor() + "/" + m.host() + " " + m.status()).equals(triple))
                .findFirst().orElseThrow(() -> new AssertionError(triple + " not in " + triples(mentions)));
    }

    @Nested
    class Statuses {
        @Test
        void theEnemyInABattleIsNotTheOneWhoFell() {
            List<Mention> m = extract("Belarusian losses mount",
                    "At least 300 Belarusian soldiers sent to Russia have died, and another 900 have been wounded "
                            + "in heavy battles with Ukrainian forces near Bryansk, Lithuanian intelligence said.");
            assertTrue(triples(m).contains("BY/RU CASUALTIES"), triples(m).toString());
            assertFalse(triples(m).contains("UA/RU CASUALTIES"), triples(m).toString());
        }

        @Test
        void theDirectObjectOfACaptureIsTheOneWhoFell() {
            List<Mention> m = extract("Prisoners taken",
                    "Ukrainian forces captured 20 Belarusian soldiers near Bryansk in Russia, Kyiv said.");
            assertTrue(triples(m).contains("BY/RU CASUALTIES"), triples(m).toString());
            assertFalse(triples(m).contains("UA/RU CASUALTIES"), triples(m).toString());
        }

        @Test
        void killedWhileFightingAlsoAssertsTheFightingAsBackground() {
            List<Mention> m = extract("Belarusian losses mount",
                    "Some 200 Belarusian soldiers have been killed in Bryansk while fighting alongside Russian "
                            + "troops, Lithuanian intelligence said.");
            assertTrue(first(m, "BY/RU CASUALTIES").lead());
            assertFalse(first(m, "BY/RU ENGAGED").lead());
        }

        @Test
        void seenWhileFightingIsTheFightingItself() {
            List<Mention> m = extract("Belarusian troops in action",
                    "Belarusian soldiers were seen in Bryansk while fighting alongside Russian troops, Lithuanian "
                            + "intelligence said.");
            assertTrue(first(m, "BY/RU ENGAGED").lead());
        }

        @Test
        void aLongParticipleDescriptionKeepsTheSubjectOfAPassiveLoss() {
            List<Mention> m = extract("Belarusian losses mount",
                    "Belarusian soldiers deployed to the Bryansk region of Russia were killed or wounded in battles "
                            + "with Ukrainian troops, Lithuanian intelligence said.");
            assertTrue(triples(m).contains("BY/RU CASUALTIES"), triples(m).toString());
            assertFalse(triples(m).contains("UA/RU CASUALTIES"), triples(m).toString());
        }

        @Test
        void anActiveLossStillBelongsToItsObject() {
            List<Mention> m = extract("Ukraine captures soldiers",
                    "Belarusian soldiers deployed to the Bryansk region of Russia captured two Ukrainian soldiers in "
                            + "battles on Sunday, Lithuanian intelligence said.");
            assertTrue(triples(m).contains("UA/RU CASUALTIES"), triples(m).toString());
            assertFalse(triples(m).contains("BY/RU CASUALTIES"), triples(m).toString());
        }

        @Test
        void aStatusNounWithAFuturePredicateIsPlanned() {
            List<Mention> m = extract("Canada reinforces Latvia",
                    "Canada is sending 400 more soldiers to Latvia, the defence minister said on Monday.",
                    "The deployment will include an artillery battery and its crews.");
            assertTrue(triples(m).contains("CA/LV PLANNED"), triples(m).toString());
        }

        @Test
        void aStatusNounWithAPresentPredicateIsNotPlanned() {
            List<Mention> m = extract("Canada reinforces Latvia",
                    "Canada is sending 400 more soldiers to Latvia, the defence minister said on Monday.",
                    "The deployment includes an artillery battery and its crews.");
            assertFalse(triples(m).contains("CA/LV PLANNED"), triples(m).toString());
        }

        @Test
        void demonymTroopsSentToACountryAreDeployed() {
            List<Mention> m = extract("Chadian soldiers arrive in Niger",
                    "N'DJAMENA - Chad has sent 800 soldiers to Niger, the Chadian defence ministry said on Tuesday.");
            Mention d = first(m, "TD/NE DEPLOYED");
            assertTrue(d.lead());
            assertEquals(TroopRange.exactly(800), d.troops());
            assertEquals("TD", d.claimant());
        }

        @Test
        void aCountryNameUsedAsAnAdjectiveNamesTheActor() {
            List<Mention> m = extract("US infantry battalion arrives in Lithuania",
                    "About 600 soldiers of the battalion arrived in Lithuania on Monday, the army said.");
            assertTrue(first(m, "US/LT DEPLOYED").lead());
        }

        @Test
        void willSendIsPlanned() {
            List<Mention> m = extract("Kenya to send police to Haiti",
                    "Kenya will deploy 1,000 police officers to Haiti next month, the interior ministry said.");
            assertEquals(List.of("KE/HT PLANNED"), triples(m));
        }

        @Test
        void moreTroopsIsReinforced() {
            List<Mention> m = extract("Britain boosts Estonia force",
                    "Britain is sending an additional 900 troops to Estonia, the defence secretary announced.");
            Mention r = first(m, "GB/EE REINFORCED");
            assertEquals(TroopRange.exactly(900), r.troops());
        }

        @Test
        void fightingIsEngagedWithThePlaceAsTheatre() {
            List<Mention> m = extract("Rwandan troops fight rebels in Congo",
                    "Rwandan soldiers clashed with rebels near Goma on Sunday, according to UN experts.");
            Mention e = first(m, "RW/CD ENGAGED");
            assertEquals("Goma", e.theatre());
            assertEquals("UN", e.claimant());
        }

        @Test
        void killedSoldiersAreCasualtiesAndTheirCountIsNoTroopNumber() {
            List<Mention> m = extract("Chadian soldiers die in Mali ambush",
                    "Twelve Chadian peacekeepers were killed in an ambush near Kidal in Mali, officials said.");
            Mention c = first(m, "TD/ML CASUALTIES");
            assertNull(c.troops());
            assertEquals("Kidal", c.theatre());
        }

        @Test
        void troopsLeavingAreWithdrawn() {
            List<Mention> m = extract("Last Belgian troops leave Mali",
                    "The last Belgian troops left Mali on Friday, the Belgian army said.");
            Mention w = m.stream().filter(x -> x.evidence().sentence().contains("Friday")).findFirst().orElseThrow();
            assertEquals("BE/ML WITHDRAWN", w.actor() + "/" + w.host() + " " + w.status());
            assertEquals("BE", w.claimant());
            assertEquals(EventTime.on(LocalDate.of(2025, 3, 7)), w.eventTime()); // published on a Friday
        }

        @Test
        void backOnTheFrontLineIsRedeployed() {
            List<Mention> m = extract("Seoul says North Korean troops redeployed",
                    "North Korean troops have been redeployed to the front line in Russia's Kursk region, "
                            + "Seoul's spy agency said.");
            Mention r = first(m, "KP/RU REDEPLOYED");
            assertEquals("Kursk", r.theatre());
            assertEquals("KR", r.claimant());
        }

        @Test
        void stateBackedForcesBelongToTheirState() {
            List<Mention> m = extract("Africa Corps arrives in Burkina Faso",
                    "Fighters of the Africa Corps arrived in Ouagadougou this week, local sources said.");
            Mention d = first(m, "RU/BF DEPLOYED");
            assertEquals("media", d.claimant());
        }

        @Test
        void peacekeepersOfTheUnAreActorUn() {
            List<Mention> m = extract("UN peacekeepers leave Congo base",
                    "UN peacekeepers withdrew from Bunia in eastern Congo on Monday.");
            assertTrue(triples(m).contains("UN/CD WITHDRAWN"), triples(m).toString());
        }

        @Test
        void disengagementOnAHomeFrontIsASituationForBothArmies() {
            List<Mention> m = extract("Indian and Chinese troops complete disengagement",
                    "Indian and Chinese troops completed disengagement at the standoff points in Ladakh, "
                            + "army sources said.");
            assertTrue(triples(m).containsAll(List.of("IN/IN WITHDRAWN", "CN/IN WITHDRAWN")), triples(m).toString());
        }
    }

    @Nested
    class NearMisses {
        @Test
        void negatedStatementAssertsNothing() {
            assertEquals(List.of(), extract("Brazil rules out troops",
                    "Brazil has not sent troops to Haiti, the foreign minister said."));
        }

        @Test
        void hypotheticalStatementAssertsNothing() {
            assertEquals(List.of(), extract("Berlin weighs options",
                    "Germany could send troops to Lithuania if the situation worsens, officials said."));
        }

        @Test
        void consideringAWithdrawalIsNoWithdrawal() {
            assertEquals(List.of(), triples(extract("Washington mulls pullback",
                    "The United States is considering withdrawing troops from Iraq, officials said.")));
        }

        @Test
        void denialAssertsNothingForTheDenier() {
            assertEquals(List.of(), extract("Moscow rejects claim",
                    "Moscow denied that its troops had entered Georgia."));
        }

        @Test
        void workersAreNotTroops() {
            assertEquals(List.of(), extract("Pyongyang sends labourers abroad",
                    "North Korea has sent 3,000 construction workers to Russia, the ministry said."));
        }

        @Test
        void anExerciseIsNotADeployment() {
            assertEquals(List.of(), extract("Allies open annual drills",
                    "Japanese and Australian troops began a joint exercise in Queensland on Monday."));
        }

        @Test
        void aParadeIsNotADeployment() {
            assertEquals(List.of(), extract("Indian contingent joins Bastille Day parade",
                    "Soldiers from India marched in the parade on the Champs-Elysees in Paris."));
        }

        @Test
        void militaryGamesAreSport() {
            assertEquals(List.of(), extract("Army team wins gold",
                    "The Brazilian army team won the military games held in China."));
        }

        @Test
        void aMissileLaunchIsNotADeployment() {
            assertEquals(List.of(), extract("North Korea fires missile",
                    "North Korea fired a ballistic missile into the sea, South Korea's military said."));
        }

        @Test
        void anArmsShipmentAloneIsNotADeployment() {
            assertEquals(List.of(), extract("Iran ships shells to Russia",
                    "Iran has shipped drones and artillery shells to Russia, Western officials said."));
        }

        @Test
        void ownArmyAtHomeOffAnyFrontIsNotReported() {
            assertEquals(List.of(), extract("Troops patrol capital",
                    "Nigerian troops were deployed in Lagos after the protests."));
        }

        @Test
        void aPurposeClauseAssertsNoFighting() {
            List<Mention> m = extract("Troops head north",
                    "Chad sent 500 soldiers to Niger to fight insurgents.");
            assertEquals(List.of("TD/NE DEPLOYED"), triples(m));
        }
    }

    @Nested
    class Fields {
        @Test
        void aJointStatementIsCreditedToTheFirstNamed() {
            Mention w = first(extract("Estonian troops leave Mali",
                    "Estonia's defence ministry and Latvian officials said on Monday that Estonian troops had left "
                            + "Mali."), "EE/ML WITHDRAWN");
            assertEquals("EE", w.claimant());
        }

        @Test
        void aSingleSpeakerKeepsTheStatement() {
            Mention w = first(extract("Estonian troops leave Mali",
                    "Latvian officials said on Monday that Estonian troops had left Mali."), "EE/ML WITHDRAWN");
            assertEquals("LV", w.claimant());
        }

        @Test
        void aStateNamedAsTheSourceIsNotTheHost() {
            List<Mention> m = extract("Belarus sends soldiers",
                    "According to Estonia and Britain, 500 Belarusian soldiers have been sent to help "
                            + "Russia.");
            assertTrue(triples(m).contains("BY/RU DEPLOYED"), triples(m).toString());
            assertFalse(triples(m).contains("BY/EE DEPLOYED"), triples(m).toString());
        }

        @Test
        void aStateNamedAfterTheSourceIsStillTheHost() {
            List<Mention> m = extract("Belarus sends soldiers",
                    "According to the ministry, 500 Belarusian soldiers have been sent to Estonia.");
            assertTrue(triples(m).contains("BY/EE DEPLOYED"), triples(m).toString());
        }

        @Test
        void anOutletInTheLeadRelaysTheOfficialsItNamesNext() {
            List<Mention> m = extract("Shake-up on the Bryansk front",
                    "Belarusian troops have been pulled back from the front near Bryansk, Reuters reports.",
                    "According to Lithuanian officials, the Belarusian soldiers were withdrawn after heavy losses.");
            assertTrue(m.stream().filter(Mention::lead).allMatch(x -> "LT".equals(x.claimant())), m.toString());
        }

        @Test
        void officialsNamedOnlyDeepInTheBodyLeaveTheOutletAsClaimant() {
            List<Mention> m = extract("Shake-up on the Bryansk front",
                    "Belarusian troops have been pulled back from the front near Bryansk, Reuters reports.",
                    "The front has been quiet for a week.", "Villagers returned to their homes.",
                    "Shops reopened in the town on Sunday.",
                    "Lithuanian officials said the Belarusian soldiers were withdrawn after heavy losses.");
            assertTrue(m.stream().filter(Mention::lead).allMatch(x -> "media".equals(x.claimant())), m.toString());
        }

        @Test
        void theLeadParagraphsOfficialSourceCoversTheHeadline() {
            List<Mention> m = extract("Belarusian troops pulled back from the front",
                    "A Lithuanian army officer said on Monday that Belarusian troops have been pulled back from the "
                            + "front in Russia's Bryansk region.",
                    "Belarusian troops were withdrawn to rest, Belarusian state media said later.");
            assertTrue(m.stream().filter(Mention::lead).allMatch(x -> "LT".equals(x.claimant())), m.toString());
        }

        @Test
        void anOutletsReportInTheLeadYieldsToTheOfficialTheBodyCredits() {
            List<Mention> m = extract("Belarusian troops pulled back from the front",
                    "Belarusian troops have been pulled back from the front in Russia's Bryansk region, according "
                            + "to new reports.",
                    "A Lithuanian army officer said the Belarusian troops had been withdrawn to rest.");
            assertTrue(m.stream().filter(Mention::lead).allMatch(x -> "LT".equals(x.claimant())), m.toString());
        }

        @Test
        void aCountOfFormationsIsNoTroopNumber() {
            List<Mention> m = extract("Poland to reinforce Lithuania",
                    "Poland will send two brigades to Lithuania next year, the defence ministry said.");
            assertNull(first(m, "PL/LT PLANNED").troops());
        }

        @Test
        void aStrengthGivenToAFormationIsATroopNumber() {
            List<Mention> m = extract("Poland to reinforce Lithuania",
                    "Poland will send a 4,000-strong brigade to Lithuania next year, the defence ministry said.");
            assertEquals(TroopRange.exactly(4000), first(m, "PL/LT PLANNED").troops());
        }

        @Test
        void aWithdrawalDemandedMonthsBeforeSizesTheForceNowLeaving() {
            List<Mention> m = extract("UN mission leaves Chad",
                    "The UN peacekeeping mission in Chad is leaving the country this week.",
                    "In September, Chad demanded that all 9,000 peacekeepers leave, and the council agreed.");
            assertEquals(TroopRange.exactly(9000), first(m, "UN/TD WITHDRAWN").troops());
        }

        @Test
        void aDatedDeploymentCountDoesNotSizeTheWithdrawal() {
            List<Mention> m = extract("UN mission leaves Chad",
                    "The UN peacekeeping mission in Chad is leaving the country this week.",
                    "In 2015, 9,000 peacekeepers were deployed to Chad.");
            assertNull(first(m, "UN/TD WITHDRAWN").troops());
        }

        @Test
        void aVerblessEstimateInTheLeadParagraphSizesTheLead() {
            List<Mention> m = extract("Belarus sends more soldiers to Russia",
                    "Belarus has sent more troops to Russia, Lithuanian intelligence said on Monday. Their number is "
                            + "unclear, but analysts put it at 2,000 to 4,000 soldiers.");
            assertEquals(new TroopRange(2000L, 4000L), first(m, "BY/RU REINFORCED").troops());
        }

        @Test
        void anEstimateOfAnotherStatesTroopsDoesNotSizeTheLead() {
            List<Mention> m = extract("Belarus sends more soldiers to Russia",
                    "Belarus has sent more troops to Russia, Lithuanian intelligence said on Monday. Kyiv keeps "
                            + "about 4,000 Ukrainian soldiers on that border.");
            assertNull(first(m, "BY/RU REINFORCED").troops());
        }

        @Test
        void officialsOfABlocOrAgencySpeakForIt() {
            Mention d = first(extract("Estonian engineers reach Moldova",
                    "CHISINAU - Engineers from Estonia have been deployed in Moldova, NATO officials said on Friday."),
                    "EE/MD DEPLOYED");
            assertEquals("NATO", d.claimant());
            Mention p = first(extract("Estonian engineers reach Moldova",
                    "CHISINAU - Engineers from Estonia have been deployed in Moldova, Pentagon officials said."),
                    "EE/MD DEPLOYED");
            assertEquals("US", p.claimant());
        }

        @Test
        void unnamedOfficialsStillSpeakForTheDateline() {
            Mention d = first(extract("Estonian engineers reach Moldova",
                    "CHISINAU - Engineers from Estonia have been deployed in Moldova, officials said on Friday."),
                    "EE/MD DEPLOYED");
            assertEquals("MD", d.claimant());
        }

        @Test
        void aPlaceAfterTheHelpedStateIsWhereThatStateFightsNotTheHost() {
            List<Mention> m = extract("Belarus set to deploy 3,000 troops to help Russia in Ukraine",
                    "MINSK - Belarus has dispatched troops to aid Russia, the defence ministry said on Monday.");
            Mention p = first(m, "BY/RU PLANNED");
            assertTrue(p.lead());
            assertEquals(TroopRange.exactly(3000), p.troops());
            assertFalse(triples(m).contains("BY/UA PLANNED"), triples(m).toString());
        }

        @Test
        void aPlaceAfterAStateThatIsNotHelpedStaysTheHost() {
            List<Mention> m = extract("Belarus set to deploy 3,000 troops in Ukraine",
                    "Belarus will send 3,000 troops to Ukraine, the defence ministry said on Monday.");
            assertTrue(first(m, "BY/UA PLANNED").lead(), triples(m).toString());
            List<Mention> n = extract("Belarus troops to deploy in Ukraine to help Russia",
                    "Belarus will send 3,000 troops to fight in Ukraine, the defence ministry said on Monday.");
            assertTrue(first(n, "BY/UA PLANNED").lead(), triples(n).toString());
        }

        @Test
        void approximateCountIsExact() {
            assertEquals(TroopRange.exactly(10_000), first(extract("Pakistani troops head to the Gulf",
                    "Pakistan has deployed about 10,000 soldiers to Saudi Arabia."), "PK/SA DEPLOYED").troops());
        }

        @Test
        void moreThanIsAMinimum() {
            assertEquals(new TroopRange(10_000L, null), first(extract("Egyptian troops cross the border",
                    "Egypt has deployed more than 10,000 troops to Sudan."), "EG/SD DEPLOYED").troops());
        }

        @Test
        void upToIsAMaximum() {
            assertEquals(new TroopRange(null, 5_000L), first(extract("Turkish troops in North Africa",
                    "Turkey has sent up to 5,000 soldiers to Libya."), "TR/LY DEPLOYED").troops());
        }

        @Test
        void aRangeKeepsBothEnds() {
            assertEquals(new TroopRange(10_000L, 12_000L), first(extract("Iranian troops in the Levant",
                    "Iran has sent 10,000 to 12,000 troops to Syria."), "IR/SY DEPLOYED").troops());
        }

        @Test
        void severalThousandGivesNoNumber() {
            assertNull(first(extract("Ethiopian troops in the Horn", "Ethiopia has sent several thousand troops to Somalia."),
                    "ET/SO DEPLOYED").troops());
        }

        @Test
        void unitsSentTogetherAreSummed() {
            assertEquals(TroopRange.exactly(6_000), first(extract("Engineers for Kursk",
                    "North Korea decided to send 1,000 sappers and 5,000 military builders to Russia's Kursk region."),
                    "KP/RU PLANNED").troops());
        }

        @Test
        void unitsJoinedByAsWellAsAreSummed() {
            assertEquals(TroopRange.exactly(3_500), first(extract("Chadian troops in the Sahel",
                    "Chad has deployed 3,000 soldiers as well as 500 combat engineers to Niger."),
                    "TD/NE DEPLOYED").troops());
        }

        @Test
        void aPlanListingUnitsSumsThem() {
            List<Mention> m = extract("Help for Cabo Delgado",
                    "Rwanda would send \"two battalions - 2,000 people\" along with 400 sappers to Mozambique, "
                            + "its defence minister said.");
            assertEquals(TroopRange.exactly(2_400), first(m, "RW/MZ PLANNED").troops(), m.toString());
        }

        @Test
        void aConditionalWouldIsNoPlan() {
            List<Mention> m = extract("Help for Cabo Delgado",
                    "Rwanda would send 2,000 soldiers to Mozambique if Maputo asked, its defence minister said.");
            assertTrue(m.isEmpty(), m.toString());
        }

        @Test
        void civilianWorkersAreNotSummed() {
            assertEquals(TroopRange.exactly(800), first(extract("Builders for Belarus",
                    "Russia will send 800 soldiers and 3,000 construction workers to Belarus."),
                    "RU/BY PLANNED").troops());
        }

        @Test
        void killedAndWoundedAreNoTroopNumber() {
            assertNull(first(extract("Losses in the north",
                    "Kenya has sent troops to Somalia, where 40 soldiers were killed and 90 soldiers wounded."),
                    "KE/SO DEPLOYED").troops());
        }

        @Test
        void anotherStatesTroopsAreNotSummed() {
            List<Mention> m = extract("A bigger mission for Haiti",
                    "Kenya has deployed 1,200 soldiers and 300 Jamaican soldiers to Haiti.");
            assertEquals(TroopRange.exactly(1_200), first(m, "KE/HT DEPLOYED").troops(), m.toString());
        }

        @Test
        void reportedlyIsHedged() {
            assertTrue(first(extract("Troops in Belarus",
                    "Russian troops have reportedly arrived in Belarus."), "RU/BY DEPLOYED").hedged());
        }

        @Test
        void relativeTimesResolveAgainstPublication() {
            Mention m = first(extract("Chad after the French",
                    "French troops left Chad last week, the army said."), "FR/TD WITHDRAWN");
            assertEquals(new EventTime(LocalDate.of(2025, 2, 24), LocalDate.of(2025, 3, 2)), m.eventTime());
        }

        @Test
        void aYearIsARange() {
            Mention m = first(extract("Hungary and the Sahel", "Hungary sent 200 soldiers to Chad in 2024."), "HU/TD DEPLOYED");
            assertEquals(new EventTime(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), m.eventTime());
        }

        @Test
        void theLeadsClaimantIsWhoeverTheBodyCreditsWithTheSameEvent() {
            List<Mention> m = extract("Last Dutch troops leave Iraq",
                    "The Netherlands announced last year it would end its mission.",
                    "The last Dutch soldiers left Iraq on Thursday, an Iraqi army spokesman said.");
            assertEquals("IQ", first(m, "NL/IQ WITHDRAWN").claimant());
        }

        @Test
        void headlineSourceAfterAColonIsTheClaimant() {
            assertEquals("UA", first(extract("Belarus sends troops to Russia: Kyiv"),
                    "BY/RU DEPLOYED").claimant());
        }
    }

    @Nested
    class Context {
        @Test
        void theTroopsRefersBackToTheArticlesSituation() {
            List<Mention> m = extract("Chad deploys troops to Niger",
                    "Chad has deployed 1,200 troops to Niger, the army said.",
                    "The troops were withdrawn two months later after a dispute with the junta.");
            assertTrue(triples(m).contains("TD/NE WITHDRAWN"), triples(m).toString());
        }

        @Test
        void backgroundLaterInTheArticleIsNotTheLead() {
            List<Mention> m = extract("Senegal sends troops to Gambia",
                    "Senegal has sent 500 troops to Gambia, the army said.",
                    "Senegalese troops were also deployed to Guinea-Bissau in 2012.");
            assertTrue(first(m, "SN/GM DEPLOYED").lead());
            assertFalse(first(m, "SN/GW DEPLOYED").lead());
        }

        @Test
        void theLeadHasAtMostTwoStatuses() {
            List<Mention> m = extract("Kenyan troops fight, suffer losses and withdraw from Somali town",
                    "Kenyan troops clashed with militants, lost six soldiers and withdrew from Kismayo, "
                            + "and more soldiers were sent to Somalia.");
            long lead = m.stream().filter(Mention::lead).map(Mention::status).distinct().count();
            assertTrue(lead <= 2, "lead statuses " + lead);
        }
    }

    @Nested
    class Discourse {
        @Test
        void aParticipleDescribingTroopsStatesPresenceUnderAModal() {
            List<Mention> m = extract("Washington weighs options",
                    "The administration could review the posture of American troops stationed in Japan.");
            assertEquals(List.of("US/JP DEPLOYED"), triples(m));
        }

        @Test
        void theOwnerOfANominalStatusIsTheActor() {
            List<Mention> m = extract("Villagers return",
                    "Residents returned to Khiam following an Israeli withdrawal, the state news agency said.");
            assertTrue(triples(m).contains("IL/LB WITHDRAWN"), triples(m).toString());
        }

        @Test
        void aPartOfAForceIsCountedNotTheWhole() {
            List<Mention> m = extract("Last Spanish soldiers leave",
                    "The last 40 of the 600 Spanish soldiers stationed in Latvia left on Friday, the army said.");
            Mention left = m.stream().filter(x -> x.status() == Status.WITHDRAWN && x.troops() != null)
                    .findFirst().orElseThrow(() -> new AssertionError(m.toString()));
            assertEquals(TroopRange.exactly(40), left.troops());
        }

        @Test
        void aLeadThatOnlyMusesHasNoLeadStatus() {
            List<Mention> m = extract("",
                    "Canada is considering withdrawing its troops from Latvia, officials said.",
                    "About 2,000 Canadian troops are stationed in Latvia.");
            assertTrue(m.stream().noneMatch(Mention::lead), m.toString());
            assertEquals(List.of("CA/LV DEPLOYED"), triples(m));
        }

        @Test
        void aNominalStatusUnderAModalIsHypothetical() {
            assertEquals(List.of(), extract("Analysts warn",
                    "A withdrawal of Estonian troops from Mali would weaken the mission, analysts said."));
        }

        @Test
        void aFightingAsideInARelativeClauseIsNotTheNews() {
            List<Mention> m = extract("Russian force stays in Libya",
                    "The Africa Corps will remain in Libya after the exit of the Wagner group, which spent years "
                            + "fighting militias there.");
            assertTrue(m.stream().filter(x -> x.status() == Status.ENGAGED).noneMatch(Mention::lead), m.toString());
            assertTrue(first(m, "RU/LY DEPLOYED").lead());
        }

        @Test
        void passiveLossesBelongToTheirSubjectNotToTheEnemy() {
            List<Mention> m = extract("Losses in Donbas",
                    "Dozens of Belarusian volunteers' units aside, 40 Russian soldiers have been injured in battles "
                            + "with Ukrainian forces near Bakhmut, Ukraine said.");
            assertTrue(triples(m).contains("RU/UA CASUALTIES"), triples(m).toString());
            assertFalse(triples(m).contains("UA/UA CASUALTIES"), triples(m).toString());
        }

        @Test
        void aWarNamedInPassingGivesNoHost() {
            List<Mention> m = extract("Truce holds",
                    "Fighting between the Turkish army and Kurdish militants in Iraq ended with the truce that also "
                            + "halted the war in Syria.");
            assertFalse(triples(m).contains("TR/SY ENGAGED"), triples(m).toString());
        }

        @Test
        void aStatusUsedAsAYardstickIsNotReported() {
            assertEquals(List.of(), extract("Analysts compare",
                    "The exit was not as chaotic as the American withdrawal from Afghanistan, the paper wrote."));
        }
    }
}
