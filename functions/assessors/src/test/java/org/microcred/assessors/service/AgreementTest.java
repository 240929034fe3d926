package org.microcred.assessors.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcred.assessors.service.Agreement.Pair;

/** Exact agreement and Cohen's kappa, checked against tables computed by hand. */
class AgreementTest {

    /**
     * One criterion, three levels, ten pairs (rows: assessor, columns: reference):
     * <pre>
     *              ref a  ref b  ref c | assessor
     *   assessor a    3      1      0  |   4
     *   assessor b    0      3      1  |   4
     *   assessor c    0      0      2  |   2
     *   reference     3      4      3  |  10
     * </pre>
     * p_o = (3 + 3 + 2) / 10 = 0.8; p_e = (4·3 + 4·4 + 2·3) / 100 = 0.34;
     * kappa = (0.8 − 0.34) / (1 − 0.34) = 0.46 / 0.66 = 0.69697.
     */
    @Test
    void of_threeLevelTable_matchesTheHandComputedKappa() {
        List<Pair> pairs = new ArrayList<>();
        add(pairs, "a", "a", 3);
        add(pairs, "a", "b", 1);
        add(pairs, "b", "b", 3);
        add(pairs, "b", "c", 1);
        add(pairs, "c", "c", 2);

        Agreement.Figures figures = Agreement.of(pairs);

        assertThat(figures.pairs()).isEqualTo(10);
        assertThat(figures.agreements()).isEqualTo(8);
        assertThat(figures.observed()).isCloseTo(0.8, within(1e-12));
        assertThat(figures.chance()).isCloseTo(0.34, within(1e-12));
        assertThat(figures.kappa()).isCloseTo(0.46 / 0.66, within(1e-12));
        assertThat(Agreement.round(figures.kappa())).isEqualTo(0.697);
    }

    /**
     * 2×2: the assessor always says "a", the reference says "a" half the time. p_o = 0.5,
     * p_e = 1·0.5 + 0·0.5 = 0.5, so kappa = 0: agreement no better than chance.
     */
    @Test
    void of_anAssessorWhoAlwaysGivesTheSameLevel_hasKappaZero() {
        List<Pair> pairs = new ArrayList<>();
        add(pairs, "a", "a", 2);
        add(pairs, "a", "b", 2);

        assertThat(Agreement.of(pairs).kappa()).isCloseTo(0.0, within(1e-12));
    }

    /**
     * Levels count as categories within their criterion. Criterion x: (p,p), (p,p); criterion y:
     * (p,p), (p,q). p_o = 3/4. Assessor: x/p 2, y/p 2; reference: x/p 2, y/p 1, y/q 1.
     * p_e = (2/4)(2/4) + (2/4)(1/4) = 0.375; kappa = (0.75 − 0.375) / 0.625 = 0.6. (Pooling the
     * bare level ids instead would give p_e = 1·3/4 and kappa 0.)
     */
    @Test
    void of_levelsWithTheSameIdInTwoCriteria_areDifferentCategories() {
        List<Pair> pairs = List.of(new Pair("x", "p", "p"), new Pair("x", "p", "p"), new Pair("y", "p", "p"),
                new Pair("y", "p", "q"));

        assertThat(Agreement.of(pairs).kappa()).isCloseTo(0.6, within(1e-12));
    }

    /** Everyone gave every pair the same level: p_e = 1, kappa is 0/0 and defined as 1 (p_o = 1). */
    @Test
    void of_noVariationAndFullAgreement_isKappaOne() {
        List<Pair> pairs = new ArrayList<>();
        add(pairs, "proficient", "proficient", 5);

        Agreement.Figures figures = Agreement.of(pairs);

        assertThat(figures.chance()).isEqualTo(1.0);
        assertThat(figures.kappa()).isEqualTo(1.0);
    }

    @Test
    void kappa_withChanceOneButObservedBelowOne_isDefinedAsZero() {
        assertThat(Agreement.kappa(0.5, 1.0)).isEqualTo(0.0);
    }

    @Test
    void of_noPairs_hasNoKappa() {
        assertThat(Agreement.of(List.of()).kappa()).isNull();
    }

    @Test
    void of_completeDisagreement_isNegative() {
        // p_o = 0; assessor a,b; reference b,a: p_e = 0.5·0.5 + 0.5·0.5 = 0.5; kappa = −0.5 / 0.5 = −1.
        assertThat(Agreement.of(List.of(new Pair("x", "a", "b"), new Pair("x", "b", "a"))).kappa())
                .isCloseTo(-1.0, within(1e-12));
    }

    private static void add(List<Pair> pairs, String assessor, String reference, int times) {
        for (int i = 0; i < times; i++) {
            pairs.add(new Pair("criterion", assessor, reference));
        }
    }
}
