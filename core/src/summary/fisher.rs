//! Fisher's exact test on a 2×2 table, two-sided, computed exactly (design §4, trigger
//! associations): with so few nights a chi-squared approximation would be wrong, and the exact
//! test is what the literature on n-of-1 diaries uses for "nights with / without an exposure ×
//! symptoms / none".
//!
//! The two-sided p-value is the sum of the probabilities of every table with the observed
//! margins that is no more likely than the observed one (the rule of R's `fisher.test`, with the
//! same relative tolerance so that tables of equal probability are not lost to rounding).

/// A 2×2 table of night counts: rows "with the exposure" / "without", columns "symptoms" /
/// "no symptoms".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TwoByTwo {
    /// Nights with the exposure and with symptoms.
    pub with_symptoms: u32,
    /// Nights with the exposure and without symptoms.
    pub with_none: u32,
    /// Nights without the exposure and with symptoms.
    pub without_symptoms: u32,
    /// Nights without the exposure and without symptoms.
    pub without_none: u32,
}

/// Probabilities this close (relative) to the observed one count as equal (R uses 1 + 1e-7).
const RELATIVE_TOLERANCE: f64 = 1e-7;

impl TwoByTwo {
    /// The two-sided p-value of Fisher's exact test; 1 when a margin is empty (nothing to test).
    pub fn fisher_p(&self) -> f64 {
        let a = u64::from(self.with_symptoms);
        let b = u64::from(self.with_none);
        let c = u64::from(self.without_symptoms);
        let d = u64::from(self.without_none);
        let row1 = a + b;
        let row2 = c + d;
        let col1 = a + c;
        let n = row1 + row2;
        if row1 == 0 || row2 == 0 || col1 == 0 || col1 == n {
            return 1.0;
        }
        let ln_fact = LnFactorials::up_to(n);
        // ln P(X = x) for the top-left cell under the hypergeometric law with these margins.
        let ln_p = |x: u64| -> f64 {
            ln_fact.get(row1) + ln_fact.get(row2) + ln_fact.get(col1) + ln_fact.get(n - col1)
                - ln_fact.get(n)
                - ln_fact.get(x)
                - ln_fact.get(row1 - x)
                - ln_fact.get(col1 - x)
                - ln_fact.get(row2 + x - col1)
        };
        let low = col1.saturating_sub(row2);
        let high = row1.min(col1);
        let observed = ln_p(a);
        let cutoff = observed + RELATIVE_TOLERANCE.ln_1p();
        let total: f64 = (low..=high)
            .map(ln_p)
            .filter(|&lp| lp <= cutoff)
            .map(f64::exp)
            .sum();
        total.clamp(0.0, 1.0)
    }
}

/// ln(k!) for k = 0..=n, by cumulative sums (exact enough for the few thousand nights a
/// summary covers, and free of the gamma function std does not have).
struct LnFactorials(Vec<f64>);

impl LnFactorials {
    fn up_to(n: u64) -> LnFactorials {
        let mut values = Vec::with_capacity(usize::try_from(n).unwrap_or(0).saturating_add(1));
        let mut sum = 0.0;
        values.push(sum);
        for k in 1..=n {
            sum += (k as f64).ln();
            values.push(sum);
        }
        LnFactorials(values)
    }

    fn get(&self, k: u64) -> f64 {
        usize::try_from(k)
            .ok()
            .and_then(|i| self.0.get(i))
            .copied()
            .unwrap_or(f64::INFINITY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(a: u32, b: u32, c: u32, d: u32) -> TwoByTwo {
        TwoByTwo {
            with_symptoms: a,
            with_none: b,
            without_symptoms: c,
            without_none: d,
        }
    }

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-6 * expected.max(1e-12) + 1e-12,
            "p = {actual}, expected {expected}"
        );
    }

    #[test]
    fn lady_tasting_tea() {
        // Fisher (1935): 3 of 4 cups right each way. Tables with a = 0..4 have probabilities
        // 1, 16, 36, 16, 1 over 70; two-sided p = (1 + 16 + 16 + 1) / 70.
        close(table(3, 1, 1, 3).fisher_p(), 34.0 / 70.0);
    }

    #[test]
    fn perfect_separation_of_ten_and_ten() {
        // Only the two extreme tables are as unlikely: 2 / C(20, 10).
        close(table(10, 0, 0, 10).fisher_p(), 2.0 / 184_756.0);
    }

    #[test]
    fn a_large_effect_on_few_nights_is_not_significant() {
        // 5 of 5 nights with, 2 of 5 without: 60 points apart. Probabilities over C(10,7) = 120
        // for a = 2..5: 10, 50, 50, 10 → the observed table (a = 5) and a = 2 are as unlikely:
        // p = 20/120.
        close(table(5, 0, 2, 3).fisher_p(), 20.0 / 120.0);
    }

    #[test]
    fn a_significant_difference() {
        // a = 9 of 10 with, 2 of 10 without; margins 10/10, 11/9. P(a) = C(10,a) C(10,11-a) /
        // C(20,11); the tables at least as extreme are a = 1, 2, 9, 10:
        // (10·1 + 45·10 + 10·45 + 1·10) / 167960 = 920 / 167960.
        close(table(9, 1, 2, 8).fisher_p(), 920.0 / 167_960.0);
    }

    #[test]
    fn ties_in_probability_are_both_counted() {
        // A symmetric table: every table as unlikely as the observed one counts, on both sides.
        // Margins 4/4, 4/4: probabilities 1, 16, 36, 16, 1 over 70; a = 2 is the likeliest → 1.
        close(table(2, 2, 2, 2).fisher_p(), 1.0);
    }

    #[test]
    fn empty_margins_test_nothing() {
        assert_eq!(table(0, 0, 3, 4).fisher_p(), 1.0);
        assert_eq!(table(3, 0, 4, 0).fisher_p(), 1.0);
        assert_eq!(table(0, 0, 0, 0).fisher_p(), 1.0);
    }

    #[test]
    fn agrees_with_r_on_an_unbalanced_table() {
        // R: fisher.test(matrix(c(1, 11, 9, 3), 2))$p.value = 0.002759456
        close(table(1, 9, 11, 3).fisher_p(), 0.002_759_456);
    }

    #[test]
    fn twenty_years_of_nights_stay_finite() {
        let p = table(2000, 1650, 1800, 1856).fisher_p();
        assert!(p.is_finite() && (0.0..=1.0).contains(&p), "{p}");
    }
}
