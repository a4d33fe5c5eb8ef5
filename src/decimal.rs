//! Exact decimal amounts: a mantissa and a power of ten, so "$1.1 billion"
//! is 1100000000 exactly, never 1100000000.0000002.

use std::cmp::Ordering;

/// `mantissa × 10^exponent`, normalised so the mantissa has no trailing
/// zeros (which makes equal values compare equal field by field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    mantissa: u128,
    exponent: i32,
}

/// More digits than any real amount has; beyond this a number is not money.
const MAX_DIGITS: usize = 30;

impl Decimal {
    /// Parses digits with at most one decimal point ("7710", "3.04").
    pub fn parse(s: &str) -> Option<Decimal> {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if int.is_empty() && frac.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || int.len() + frac.len() > MAX_DIGITS
        {
            return None;
        }
        let digits = format!("{int}{frac}");
        let mantissa: u128 = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        Some(
            Decimal {
                mantissa,
                exponent: -(frac.len() as i32),
            }
            .normalised(),
        )
    }

    fn normalised(mut self) -> Decimal {
        if self.mantissa == 0 {
            self.exponent = 0;
            return self;
        }
        while self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.exponent += 1;
        }
        self
    }

    /// This value times `10^power`.
    pub fn scale(self, power: i32) -> Decimal {
        Decimal {
            mantissa: self.mantissa,
            exponent: self.exponent + power,
        }
        .normalised()
    }

    /// The sum of two values, exact; `None` past the digits a `u128` holds.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let exponent = self.exponent.min(other.exponent);
        let widen = |d: Decimal| -> Option<u128> {
            d.mantissa
                .checked_mul(10u128.checked_pow(u32::try_from(d.exponent - exponent).ok()?)?)
        };
        Some(
            Decimal {
                mantissa: widen(self)?.checked_add(widen(other)?)?,
                exponent,
            }
            .normalised(),
        )
    }

    /// The value as a plain decimal string ("1100000000", "3.04").
    pub fn to_plain_string(self) -> String {
        let digits = self.mantissa.to_string();
        if self.exponent >= 0 {
            let mut s = digits;
            s.extend(std::iter::repeat_n('0', self.exponent as usize));
            s
        } else {
            let frac = (-self.exponent) as usize;
            if digits.len() > frac {
                let (a, b) = digits.split_at(digits.len() - frac);
                format!("{a}.{b}")
            } else {
                format!("0.{}{}", "0".repeat(frac - digits.len()), digits)
            }
        }
    }

    /// The value as a JSON number: an integer where it is whole and fits in
    /// 64 bits, else the nearest double (whose shortest form is the decimal
    /// as written for any amount with up to 15 significant digits).
    pub fn to_json(self) -> serde_json::Number {
        let s = self.to_plain_string();
        if let Ok(n) = s.parse::<u64>() {
            return n.into();
        }
        s.parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .unwrap_or_else(|| 0.into())
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        // Bring both to the smaller exponent; guard against overflow by
        // comparing magnitudes (digit counts) first.
        let mag = |d: &Decimal| {
            d.mantissa
                .checked_ilog10()
                .map_or(i64::MIN, |l| l as i64 + d.exponent as i64)
        };
        if self.mantissa == 0 || other.mantissa == 0 {
            return self.mantissa.cmp(&other.mantissa);
        }
        match mag(self).cmp(&mag(other)) {
            Ordering::Equal => {}
            o => return o,
        }
        let e = self.exponent.min(other.exponent);
        let up = |d: &Decimal| {
            d.mantissa.checked_mul(
                10u128
                    .checked_pow((d.exponent - e) as u32)
                    .unwrap_or(u128::MAX),
            )
        };
        match (up(self), up(other)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => Ordering::Equal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).expect("parses")
    }

    #[test]
    fn scales_exactly() {
        assert_eq!(d("1.1").scale(9).to_plain_string(), "1100000000");
        assert_eq!(d("3.2").scale(9).to_json().to_string(), "3200000000");
        assert_eq!(d("3.04").to_json().to_string(), "3.04");
        assert_eq!(d("7710").to_json().to_string(), "7710");
        assert_eq!(d("0.5").to_plain_string(), "0.5");
        assert_eq!(d("12.50").to_plain_string(), "12.5");
    }

    #[test]
    fn orders_across_exponents() {
        assert!(d("10").scale(6) < d("20").scale(6));
        assert!(d("40") < d("55"));
        assert!(d("500000") > d("1"));
        assert_eq!(d("1.0"), d("1"));
        assert!(d("0.5") < d("1"));
    }

    #[test]
    fn rejects_non_numbers() {
        assert!(Decimal::parse("1.2.3").is_none());
        assert!(Decimal::parse("12a").is_none());
        assert!(Decimal::parse(&"9".repeat(40)).is_none());
    }
}
