//! The check character of a group: one symbol of GF(32) arithmetic.
//!
//! Symbols are the 32 elements of GF(2^5) built on the primitive polynomial
//! x^5 + x^2 + 1. A group holds [`DATA_SYMBOLS`] data symbols `d0..d4` and a
//! check symbol `c`, and is valid when
//!
//! ```text
//! a^5*d0 + a^4*d1 + a^3*d2 + a^2*d3 + a^1*d4 + 1*c + K(kind, group) = 0
//! ```
//!
//! where `a` is the element 2 (the polynomial x), `+` is XOR and `K` is a
//! per-kind, per-position constant. Because every weight is non-zero, any
//! single substitution changes the sum; because neighbouring weights differ,
//! any adjacent transposition of two different symbols changes it too; and
//! because `K` differs for every group index and kind, a group moved to
//! another position, or taken from another kind of code, fails as well.

use crate::Kind;

/// Data symbols per group.
pub const DATA_SYMBOLS: usize = 5;
/// Symbols per group: the data symbols and one check symbol.
pub const GROUP_SYMBOLS: usize = DATA_SYMBOLS + 1;

/// The reduction polynomial x^5 + x^2 + 1 without its x^5 term.
const REDUCTION: u8 = 0b0_0101;

/// Weights of the data symbols: a^5, a^4, a^3, a^2, a^1 (the check symbol has weight 1).
const WEIGHTS: [u8; DATA_SYMBOLS] = [0b0_0101, 0b1_0000, 0b0_1000, 0b0_0100, 0b0_0010];

/// Multiplies two elements of GF(32).
pub const fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0u8;
    let mut i = 0;
    while i < 5 {
        if b & 1 == 1 {
            product ^= a;
        }
        b >>= 1;
        let carry = a & 0b1_0000 != 0;
        a = (a << 1) & 0b1_1111;
        if carry {
            a ^= REDUCTION;
        }
        i += 1;
    }
    product
}

/// The constant that ties a group to its kind of code and its position.
///
/// `K(kind, g) = (g mod 32) XOR (a^5 * kind_number)`, with kind numbers
/// serial 1, request 2, response 3.
pub fn position_constant(kind: Kind, group: usize) -> u8 {
    ((group % 32) as u8) ^ gf_mul(WEIGHTS[0], kind.number())
}

/// The check symbol for `data`, the data symbols of group `group` (0-based).
pub fn check_symbol(kind: Kind, group: usize, data: &[u8; DATA_SYMBOLS]) -> u8 {
    let mut sum = position_constant(kind, group);
    for (weight, symbol) in WEIGHTS.iter().zip(data) {
        sum ^= gf_mul(*weight, *symbol);
    }
    sum
}

/// Whether a full group of [`GROUP_SYMBOLS`] symbols is valid at index `group`.
pub fn group_is_valid(kind: Kind, group: usize, symbols: &[u8]) -> bool {
    let Ok(data) = <&[u8; DATA_SYMBOLS]>::try_from(&symbols[..DATA_SYMBOLS]) else {
        return false;
    };
    symbols.len() == GROUP_SYMBOLS && check_symbol(kind, group, data) == symbols[DATA_SYMBOLS]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_successive_powers_of_the_generator() {
        let mut power = 1u8;
        let mut powers = [0u8; 6];
        for p in powers.iter_mut() {
            *p = power;
            power = gf_mul(power, 2);
        }
        assert_eq!(WEIGHTS, [powers[5], powers[4], powers[3], powers[2], powers[1]]);
    }

    #[test]
    fn generator_is_primitive() {
        // a^k for k in 0..31 visits every non-zero element once.
        let mut seen = [false; 32];
        let mut power = 1u8;
        for _ in 0..31 {
            assert!(!seen[power as usize]);
            seen[power as usize] = true;
            power = gf_mul(power, 2);
        }
        assert_eq!(power, 1);
    }

    #[test]
    fn multiplication_has_inverses() {
        for a in 1..32u8 {
            assert_eq!((1..32u8).filter(|b| gf_mul(a, *b) == 1).count(), 1);
        }
    }

    #[test]
    fn constants_differ_by_kind_and_position() {
        for group in 0..32 {
            let k: std::collections::BTreeSet<u8> = Kind::ALL.iter().map(|k| position_constant(*k, group)).collect();
            assert_eq!(k.len(), Kind::ALL.len(), "group {group}: two kinds share a constant");
        }
        for kind in Kind::ALL {
            let all: std::collections::BTreeSet<u8> = (0..32).map(|g| position_constant(kind, g)).collect();
            assert_eq!(all.len(), 32);
        }
    }
}
