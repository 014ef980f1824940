//! Float formatting and float-literal parsing, matching Nix 2.26 byte for byte.
//!
//! Nix prints floats in three different ways:
//!
//! * [`format_float`]: how `nix-instantiate --eval` / `nix eval` / `nix repl`
//!   print a float value. This is C++ `ostream << double`, i.e. `printf("%g")`
//!   with 6 significant digits (`1e-06`, `1.23457e+06`, whole floats print
//!   without `.0`: `2.0` prints as `2`).
//! * [`format_float_to_string`]: `builtins.toString` and string
//!   interpolation of a float. This is `std::to_string`, i.e. `printf("%f")`
//!   (`2.5` becomes `"2.500000"`, `1.0e300` prints all 301 integer digits).
//! * [`format_float_json`]: `builtins.toJSON`, which goes through
//!   nlohmann::json's Grisu2 shortest-representation printer (`0.1`, `100.0`,
//!   `1e+20`, `1.5e-07`, non-finite values become `null`).
//!
//! NaN is printed as `nan` or `-nan` according to its sign bit, exactly like
//! glibc. Note that on x86-64 (where the reference Nix runs) every NaN
//! *produced by arithmetic* (`0.0 * inf`, `inf - inf`) has its sign bit set and
//! so prints as `-nan`; `builtins.fromTOML "x = nan"` gives a positive NaN
//! (`nan`). The evaluator is responsible for producing NaNs with the right sign.
//!
//! [`parse_float_literal`] converts the text of a Nix float literal token, and
//! [`parse_decimal`] is the underlying correctly rounded `strtod` replacement
//! (also used by the JSON parser).
//!
//! Nothing in this module panics or recurses.

/// Formats a float the way `nix-instantiate --eval` prints it: C's `%g` with
/// the default precision of 6 significant digits.
///
/// Examples (all checked against Nix 2.26): `0.000001` → `1e-06`,
/// `1000000.0` → `1e+06`, `1234567.0` → `1.23457e+06`, `0.1` → `0.1`,
/// `2.0` → `2` (no trailing `.0`), `100.0` → `100`, `-0.0` → `-0`,
/// infinity → `inf` / `-inf`, NaN → `nan` or `-nan` (by sign bit).
/// Exact decimal ties round half to even (`1234565.0` → `1.23456e+06`).
pub fn format_float(f: f64) -> String {
    if let Some(s) = non_finite(f) {
        return s.to_string();
    }
    let neg = f.is_sign_negative();
    let a = f.abs();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if a == 0.0 {
        out.push('0');
        return out;
    }
    // `%.5e` gives the decimal exponent after rounding to 6 significant digits.
    let sci = format!("{:.5e}", a);
    let (mant, exp) = match sci.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (sci.as_str(), 0),
    };
    if !(-4..6).contains(&exp) {
        out.push_str(trim_fraction_zeros(mant));
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    } else {
        let prec = (5 - exp) as usize;
        let fixed = format!("{:.*}", prec, a);
        out.push_str(trim_fraction_zeros(&fixed));
    }
    out
}

/// Formats a float the way `builtins.toString` (and `"${...}"` interpolation)
/// does: C's `%f`, always six digits after the point.
///
/// Examples (checked against Nix 2.26): `2.5` → `2.500000`, `-2.5` →
/// `-2.500000`, `1.0e20` → `100000000000000000000.000000`, `-0.0` →
/// `-0.000000`, `-1.0e-9` → `-0.000000`, `0.0078125` → `0.007812` (ties to
/// even), infinity → `inf` / `-inf`, NaN → `nan` / `-nan`. Large values print
/// their exact decimal expansion (`1.0e300` prints 301 integer digits).
pub fn format_float_to_string(f: f64) -> String {
    if let Some(s) = non_finite(f) {
        return s.to_string();
    }
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&format!("{:.6}", f.abs()));
    out
}

/// Formats a float the way `builtins.toJSON` does (nlohmann::json's `dump`,
/// which uses Grisu2 and then a `%g`-like layout).
///
/// Examples (checked against Nix 2.26): `0.1` → `0.1`, `100.0` → `100.0`,
/// `1.0e20` → `1e+20`, `1.5e-7` → `1.5e-07`, `123456789.0` → `123456789.0`,
/// `1.0/3` → `0.3333333333333333`, `1.0e300` → `1e+300`, `-0.0` → `-0.0`,
/// `1.0e15` → `1e+15`, `123456789012345.0` → `123456789012345.0`,
/// `0.0001` → `0.0001`, `0.00001` → `1e-05`; infinities and NaN → `null`.
///
/// The digits are produced by a faithful port of nlohmann's Grisu2, which (in
/// rare cases) is not the very shortest round-trip representation; this
/// function reproduces those cases too.
pub fn format_float_json(f: f64) -> String {
    if !f.is_finite() {
        return "null".to_string();
    }
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    let a = f.abs();
    if a == 0.0 {
        out.push_str("0.0");
        return out;
    }
    let (digits, dec_exp) = grisu::grisu2(a);
    format_json_buffer(&mut out, &digits, dec_exp);
    out
}

/// Parses the text of a Nix float literal token, returning `None` where Nix
/// reports `invalid float '...'` or where the text is not a float token at all.
///
/// The accepted syntax is the Nix lexer's
/// `(([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?` (no sign, no
/// leading zeros before the point except a single `0`): `1.5`, `.5`, `1.`,
/// `0.5`, `1.5e3`, `1.5E-3`, `1.e5`, `.5e2` are floats; `0.`, `00.5`, `01.5`,
/// `1`, `1.5e`, `1e5` are not.
///
/// Nix converts with `strtod` and rejects any result with `ERANGE`:
/// overflow (`1.8e308`), underflow to zero of a non-zero literal (`1.0e-400`),
/// and every result that is subnormal (`5.0e-324`, `1.0e-310`). Following
/// glibc's after-rounding tininess rule, a literal that rounds to the smallest
/// normal number is still rejected when its exact value is below
/// 2^-1022 − 2^-1076 (so `2.2250738585072012e-308` is invalid while
/// `2.2250738585072013e-308` is accepted). Zero literals (`0.0e-400`) are fine.
pub fn parse_float_literal(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let mut i = 0;
    let n = b.len();
    let int_start = i;
    while i < n && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_part = &b[int_start..i];
    if i >= n || b[i] != b'.' {
        return None;
    }
    i += 1;
    let frac_start = i;
    while i < n && b[i].is_ascii_digit() {
        i += 1;
    }
    let frac_part = &b[frac_start..i];
    // (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))
    let ok_mantissa = match int_part.first() {
        None => !frac_part.is_empty(),
        Some(b'0') => int_part.len() == 1 && !frac_part.is_empty(),
        Some(_) => true,
    };
    if !ok_mantissa {
        return None;
    }
    if i < n {
        if b[i] != b'e' && b[i] != b'E' {
            return None;
        }
        i += 1;
        if i < n && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < n && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start || i != n {
            return None;
        }
    }
    let dec = Decimal::parse(b)?;
    let v = dec.to_f64();
    if v.is_infinite() {
        return None;
    }
    if dec.digits.is_empty() {
        return Some(v);
    }
    if v == 0.0 || v.is_subnormal() {
        return None;
    }
    if v == f64::MIN_POSITIVE && dec.less_than_tiny_threshold() {
        return None;
    }
    Some(v)
}

/// Converts a plain decimal number `[+-]digits[.digits][(e|E)[+-]digits]`
/// (at least one mantissa digit, which may be on either side of the point) to
/// the nearest `f64`, rounding ties to even, like `strtod` in the C locale.
///
/// Overflow gives ±infinity and underflow gives (signed) zero or a subnormal,
/// without any error; arbitrarily long mantissas and exponents are handled
/// exactly. Returns `None` if `text` does not have that syntax (no `inf`,
/// `nan`, hex floats or surrounding whitespace).
pub fn parse_decimal(text: &[u8]) -> Option<f64> {
    Decimal::parse(text).map(|d| d.to_f64())
}

// ---------------------------------------------------------------------------
// helpers

fn non_finite(f: f64) -> Option<&'static str> {
    if f.is_nan() {
        Some(if f.is_sign_negative() { "-nan" } else { "nan" })
    } else if f.is_infinite() {
        Some(if f < 0.0 { "-inf" } else { "inf" })
    } else {
        None
    }
}

/// Removes trailing zeros of a fraction, and the point if nothing is left.
fn trim_fraction_zeros(s: &str) -> &str {
    if !s.contains('.') {
        return s;
    }
    let t = s.trim_end_matches('0');
    t.strip_suffix('.').unwrap_or(t)
}

/// nlohmann's `format_buffer` with min_exp = -4 and max_exp = 15, for
/// v = digits * 10^dec_exp.
fn format_json_buffer(out: &mut String, digits: &[u8], dec_exp: i32) {
    const MIN_EXP: i32 = -4;
    const MAX_EXP: i32 = 15;
    let k = digits.len() as i32;
    let n = k + dec_exp;
    let ds = |r: &[u8]| r.iter().map(|&d| d as char).collect::<String>();
    if k <= n && n <= MAX_EXP {
        out.push_str(&ds(digits));
        for _ in k..n {
            out.push('0');
        }
        out.push_str(".0");
    } else if 0 < n && n <= MAX_EXP {
        let n = n as usize;
        out.push_str(&ds(&digits[..n]));
        out.push('.');
        out.push_str(&ds(&digits[n..]));
    } else if MIN_EXP < n && n <= 0 {
        out.push_str("0.");
        for _ in 0..(-n) {
            out.push('0');
        }
        out.push_str(&ds(digits));
    } else {
        out.push(digits[0] as char);
        if k > 1 {
            out.push('.');
            out.push_str(&ds(&digits[1..]));
        }
        out.push('e');
        let e = n - 1;
        out.push(if e < 0 { '-' } else { '+' });
        let e = e.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
}

/// A decimal number 0.d1d2d3... × 10^exp with `digits` the significant digits
/// (ASCII, no leading or trailing zeros; empty for zero).
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    exp: i64,
}

/// Exponents are clamped to this magnitude while parsing; anything beyond is
/// far outside the f64 range either way.
const EXP_CLAMP: i64 = 1 << 50;

impl Decimal {
    fn parse(b: &[u8]) -> Option<Decimal> {
        let n = b.len();
        let mut i = 0;
        let mut negative = false;
        if i < n && (b[i] == b'+' || b[i] == b'-') {
            negative = b[i] == b'-';
            i += 1;
        }
        let mut digits: Vec<u8> = Vec::new();
        let mut point: i64 = 0; // position of the point relative to `digits`
        let mut seen_digit = false;
        while i < n && b[i].is_ascii_digit() {
            seen_digit = true;
            if !(digits.is_empty() && b[i] == b'0') {
                digits.push(b[i]);
                point = point.saturating_add(1);
            }
            i += 1;
        }
        if i < n && b[i] == b'.' {
            i += 1;
            while i < n && b[i].is_ascii_digit() {
                seen_digit = true;
                if digits.is_empty() && b[i] == b'0' {
                    point = point.saturating_sub(1);
                } else {
                    digits.push(b[i]);
                }
                i += 1;
            }
        }
        if !seen_digit {
            return None;
        }
        let mut exp: i64 = 0;
        if i < n && (b[i] == b'e' || b[i] == b'E') {
            i += 1;
            let mut eneg = false;
            if i < n && (b[i] == b'+' || b[i] == b'-') {
                eneg = b[i] == b'-';
                i += 1;
            }
            let start = i;
            while i < n && b[i].is_ascii_digit() {
                if exp < EXP_CLAMP {
                    exp = exp * 10 + i64::from(b[i] - b'0');
                }
                i += 1;
            }
            if i == start {
                return None;
            }
            if eneg {
                exp = -exp;
            }
        }
        if i != n {
            return None;
        }
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        let point = point.clamp(-EXP_CLAMP, EXP_CLAMP);
        Some(Decimal {
            negative,
            digits,
            exp: point + exp,
        })
    }

    fn to_f64(&self) -> f64 {
        let mag = if self.digits.is_empty() || self.exp < -400 {
            0.0
        } else if self.exp > 400 {
            f64::INFINITY
        } else {
            // 800 significant digits plus a sticky digit are enough to round
            // correctly (halfway points between doubles have < 770 digits).
            const KEEP: usize = 800;
            let mut s = String::with_capacity(KEEP + 16);
            s.push_str("0.");
            if self.digits.len() > KEEP {
                s.extend(self.digits[..KEEP].iter().map(|&d| d as char));
                if self.digits[KEEP..].iter().any(|&d| d != b'0') {
                    s.push('1');
                }
            } else {
                s.extend(self.digits.iter().map(|&d| d as char));
            }
            s.push('e');
            s.push_str(&self.exp.to_string());
            s.parse::<f64>().unwrap_or(0.0)
        };
        if self.negative {
            -mag
        } else {
            mag
        }
    }

    /// Whether |self| < 2^-1022 - 2^-1076, glibc's tininess threshold.
    fn less_than_tiny_threshold(&self) -> bool {
        // (2^54 - 1) * 2^-1076 = (2^54 - 1) * 5^1076 * 10^-1076
        let mut big = BigDec::from_u64((1u64 << 54) - 1);
        for _ in 0..1076 {
            big.mul_small(5);
        }
        let t_digits = big.to_digits();
        let t_exp = t_digits.len() as i64 - 1076;
        let mut t_digits = t_digits;
        while t_digits.last() == Some(&b'0') {
            t_digits.pop();
        }
        if self.exp != t_exp {
            return self.exp < t_exp;
        }
        self.digits.as_slice() < t_digits.as_slice()
    }
}

/// Minimal unsigned big integer (base 10^9, little endian).
struct BigDec {
    limbs: Vec<u32>,
}

impl BigDec {
    const BASE: u64 = 1_000_000_000;

    fn from_u64(mut v: u64) -> BigDec {
        let mut limbs = Vec::new();
        while v > 0 {
            limbs.push((v % Self::BASE) as u32);
            v /= Self::BASE;
        }
        BigDec { limbs }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry: u64 = 0;
        for l in self.limbs.iter_mut() {
            let v = u64::from(*l) * u64::from(m) + carry;
            *l = (v % Self::BASE) as u32;
            carry = v / Self::BASE;
        }
        while carry > 0 {
            self.limbs.push((carry % Self::BASE) as u32);
            carry /= Self::BASE;
        }
    }

    fn to_digits(&self) -> Vec<u8> {
        let mut s = String::new();
        for (i, l) in self.limbs.iter().rev().enumerate() {
            if i == 0 {
                s.push_str(&l.to_string());
            } else {
                s.push_str(&format!("{:09}", l));
            }
        }
        s.into_bytes()
    }
}

/// Port of nlohmann::json's Grisu2 (itself after Florian Loitsch's reference
/// implementation). Produces digits d such that d × 10^exp round-trips.
mod grisu {
    #[derive(Clone, Copy)]
    struct DiyFp {
        f: u64,
        e: i32,
    }

    impl DiyFp {
        fn sub(x: DiyFp, y: DiyFp) -> DiyFp {
            DiyFp {
                f: x.f.wrapping_sub(y.f),
                e: x.e,
            }
        }

        /// Upper 64 bits of the product, rounded (ties up).
        fn mul(x: DiyFp, y: DiyFp) -> DiyFp {
            let p = u128::from(x.f) * u128::from(y.f);
            let h = ((p + (1u128 << 63)) >> 64) as u64;
            DiyFp {
                f: h,
                e: x.e + y.e + 64,
            }
        }

        fn normalize(x: DiyFp) -> DiyFp {
            if x.f == 0 {
                return x;
            }
            let s = x.f.leading_zeros();
            DiyFp {
                f: x.f << s,
                e: x.e - s as i32,
            }
        }

        fn normalize_to(x: DiyFp, target_e: i32) -> DiyFp {
            let delta = x.e - target_e;
            let delta = delta.clamp(0, 63) as u32;
            DiyFp {
                f: x.f << delta,
                e: target_e,
            }
        }
    }

    struct Boundaries {
        w: DiyFp,
        minus: DiyFp,
        plus: DiyFp,
    }

    /// Requires value finite and > 0.
    fn compute_boundaries(value: f64) -> Boundaries {
        const PRECISION: i32 = 53;
        const BIAS: i32 = 1023 + (PRECISION - 1);
        const MIN_EXP: i32 = 1 - BIAS;
        const HIDDEN: u64 = 1 << (PRECISION - 1);
        let bits = value.to_bits();
        let e_bits = bits >> (PRECISION - 1);
        let f_bits = bits & (HIDDEN - 1);
        let v = if e_bits == 0 {
            DiyFp {
                f: f_bits,
                e: MIN_EXP,
            }
        } else {
            DiyFp {
                f: f_bits + HIDDEN,
                e: e_bits as i32 - BIAS,
            }
        };
        let lower_closer = f_bits == 0 && e_bits > 1;
        let m_plus = DiyFp {
            f: 2 * v.f + 1,
            e: v.e - 1,
        };
        let m_minus = if lower_closer {
            DiyFp {
                f: 4 * v.f - 1,
                e: v.e - 2,
            }
        } else {
            DiyFp {
                f: 2 * v.f - 1,
                e: v.e - 1,
            }
        };
        let w_plus = DiyFp::normalize(m_plus);
        let w_minus = DiyFp::normalize_to(m_minus, w_plus.e);
        Boundaries {
            w: DiyFp::normalize(v),
            minus: w_minus,
            plus: w_plus,
        }
    }

    const ALPHA: i32 = -60;

    /// (f, e, k): f × 2^e ≈ 10^k.
    const CACHED_POWERS: [(u64, i32, i32); 79] = [
        (0xAB70FE17C79AC6CA, -1060, -300),
        (0xFF77B1FCBEBCDC4F, -1034, -292),
        (0xBE5691EF416BD60C, -1007, -284),
        (0x8DD01FAD907FFC3C, -980, -276),
        (0xD3515C2831559A83, -954, -268),
        (0x9D71AC8FADA6C9B5, -927, -260),
        (0xEA9C227723EE8BCB, -901, -252),
        (0xAECC49914078536D, -874, -244),
        (0x823C12795DB6CE57, -847, -236),
        (0xC21094364DFB5637, -821, -228),
        (0x9096EA6F3848984F, -794, -220),
        (0xD77485CB25823AC7, -768, -212),
        (0xA086CFCD97BF97F4, -741, -204),
        (0xEF340A98172AACE5, -715, -196),
        (0xB23867FB2A35B28E, -688, -188),
        (0x84C8D4DFD2C63F3B, -661, -180),
        (0xC5DD44271AD3CDBA, -635, -172),
        (0x936B9FCEBB25C996, -608, -164),
        (0xDBAC6C247D62A584, -582, -156),
        (0xA3AB66580D5FDAF6, -555, -148),
        (0xF3E2F893DEC3F126, -529, -140),
        (0xB5B5ADA8AAFF80B8, -502, -132),
        (0x87625F056C7C4A8B, -475, -124),
        (0xC9BCFF6034C13053, -449, -116),
        (0x964E858C91BA2655, -422, -108),
        (0xDFF9772470297EBD, -396, -100),
        (0xA6DFBD9FB8E5B88F, -369, -92),
        (0xF8A95FCF88747D94, -343, -84),
        (0xB94470938FA89BCF, -316, -76),
        (0x8A08F0F8BF0F156B, -289, -68),
        (0xCDB02555653131B6, -263, -60),
        (0x993FE2C6D07B7FAC, -236, -52),
        (0xE45C10C42A2B3B06, -210, -44),
        (0xAA242499697392D3, -183, -36),
        (0xFD87B5F28300CA0E, -157, -28),
        (0xBCE5086492111AEB, -130, -20),
        (0x8CBCCC096F5088CC, -103, -12),
        (0xD1B71758E219652C, -77, -4),
        (0x9C40000000000000, -50, 4),
        (0xE8D4A51000000000, -24, 12),
        (0xAD78EBC5AC620000, 3, 20),
        (0x813F3978F8940984, 30, 28),
        (0xC097CE7BC90715B3, 56, 36),
        (0x8F7E32CE7BEA5C70, 83, 44),
        (0xD5D238A4ABE98068, 109, 52),
        (0x9F4F2726179A2245, 136, 60),
        (0xED63A231D4C4FB27, 162, 68),
        (0xB0DE65388CC8ADA8, 189, 76),
        (0x83C7088E1AAB65DB, 216, 84),
        (0xC45D1DF942711D9A, 242, 92),
        (0x924D692CA61BE758, 269, 100),
        (0xDA01EE641A708DEA, 295, 108),
        (0xA26DA3999AEF774A, 322, 116),
        (0xF209787BB47D6B85, 348, 124),
        (0xB454E4A179DD1877, 375, 132),
        (0x865B86925B9BC5C2, 402, 140),
        (0xC83553C5C8965D3D, 428, 148),
        (0x952AB45CFA97A0B3, 455, 156),
        (0xDE469FBD99A05FE3, 481, 164),
        (0xA59BC234DB398C25, 508, 172),
        (0xF6C69A72A3989F5C, 534, 180),
        (0xB7DCBF5354E9BECE, 561, 188),
        (0x88FCF317F22241E2, 588, 196),
        (0xCC20CE9BD35C78A5, 614, 204),
        (0x98165AF37B2153DF, 641, 212),
        (0xE2A0B5DC971F303A, 667, 220),
        (0xA8D9D1535CE3B396, 694, 228),
        (0xFB9B7CD9A4A7443C, 720, 236),
        (0xBB764C4CA7A44410, 747, 244),
        (0x8BAB8EEFB6409C1A, 774, 252),
        (0xD01FEF10A657842C, 800, 260),
        (0x9B10A4E5E9913129, 827, 268),
        (0xE7109BFBA19C0C9D, 853, 276),
        (0xAC2820D9623BF429, 880, 284),
        (0x80444B5E7AA7CF85, 907, 292),
        (0xBF21E44003ACDD2D, 933, 300),
        (0x8E679C2F5E44FF8F, 960, 308),
        (0xD433179D9C8CB841, 986, 316),
        (0x9E19DB92B4E31BA9, 1013, 324),
    ];

    fn cached_power_for_binary_exponent(e: i32) -> (u64, i32, i32) {
        let f = ALPHA - e - 1;
        let k = (f * 78913) / (1 << 18) + i32::from(f > 0);
        let index = (300 + k + 7) / 8;
        let index = index.clamp(0, CACHED_POWERS.len() as i32 - 1) as usize;
        CACHED_POWERS[index]
    }

    fn find_largest_pow10(n: u32) -> (i32, u32) {
        let mut pow10: u32 = 1_000_000_000;
        let mut k = 10;
        while k > 1 && n < pow10 {
            pow10 /= 10;
            k -= 1;
        }
        (k, pow10)
    }

    fn round(buf: &mut [u8], dist: u64, delta: u64, mut rest: u64, ten_k: u64) {
        let Some(last) = buf.last_mut() else { return };
        while rest < dist
            && delta - rest >= ten_k
            && (rest + ten_k < dist || dist - rest > rest + ten_k - dist)
            && *last > b'0'
        {
            *last -= 1;
            rest += ten_k;
        }
    }

    fn digit_gen(buf: &mut Vec<u8>, dec_exp: &mut i32, m_minus: DiyFp, w: DiyFp, m_plus: DiyFp) {
        let mut delta = DiyFp::sub(m_plus, m_minus).f;
        let mut dist = DiyFp::sub(m_plus, w).f;
        let shift = (-m_plus.e) as u32; // 32..=60
        let one_f = 1u64 << shift;
        let mut p1 = (m_plus.f >> shift) as u32;
        let mut p2 = m_plus.f & (one_f - 1);

        let (k, mut pow10) = find_largest_pow10(p1);
        let mut n = k;
        while n > 0 {
            let d = p1 / pow10;
            let r = p1 % pow10;
            buf.push(b'0' + d as u8);
            p1 = r;
            n -= 1;
            let rest = (u64::from(p1) << shift) + p2;
            if rest <= delta {
                *dec_exp += n;
                let ten_n = u64::from(pow10) << shift;
                round(buf, dist, delta, rest, ten_n);
                return;
            }
            pow10 /= 10;
        }

        let mut m = 0;
        // At most ~20 fractional digits are ever generated; the bound only
        // guards against looping forever on impossible input.
        while m < 40 {
            p2 = p2.wrapping_mul(10);
            let d = p2 >> shift;
            let r = p2 & (one_f - 1);
            buf.push(b'0' + (d as u8 % 10));
            p2 = r;
            m += 1;
            delta = delta.wrapping_mul(10);
            dist = dist.wrapping_mul(10);
            if p2 <= delta {
                break;
            }
        }
        *dec_exp -= m;
        round(buf, dist, delta, p2, one_f);
    }

    /// Digits (ASCII) and decimal exponent of a finite positive value.
    pub(super) fn grisu2(value: f64) -> (Vec<u8>, i32) {
        let b = compute_boundaries(value);
        let (cf, ce, ck) = cached_power_for_binary_exponent(b.plus.e);
        let c = DiyFp { f: cf, e: ce };
        let w = DiyFp::mul(b.w, c);
        let w_minus = DiyFp::mul(b.minus, c);
        let w_plus = DiyFp::mul(b.plus, c);
        let m_minus = DiyFp {
            f: w_minus.f + 1,
            e: w_minus.e,
        };
        let m_plus = DiyFp {
            f: w_plus.f - 1,
            e: w_plus.e,
        };
        let mut dec_exp = -ck;
        let mut buf = Vec::with_capacity(20);
        digit_gen(&mut buf, &mut dec_exp, m_minus, w, m_plus);
        (buf, dec_exp)
    }
}

#[cfg(test)]
mod tests {
    //! Expected values come from Nix 2.26 (`nix-instantiate --eval --strict`).
    use super::*;

    fn nan_neg() -> f64 {
        f64::from_bits(f64::NAN.to_bits() | (1u64 << 63))
    }
    fn nan_pos() -> f64 {
        f64::from_bits(f64::NAN.to_bits() & !(1u64 << 63))
    }

    // ---- format_float (%g) ----

    #[test]
    fn g_brief_examples() {
        // [ 0.000001 1000000.0 1234567.0 0.1 ] prints [ 1e-06 1e+06 1.23457e+06 0.1 ]
        assert_eq!(format_float(0.000001), "1e-06");
        assert_eq!(format_float(1000000.0), "1e+06");
        assert_eq!(format_float(1234567.0), "1.23457e+06");
        assert_eq!(format_float(0.1), "0.1");
    }

    #[test]
    fn g_whole_floats_have_no_point() {
        assert_eq!(format_float(2.0), "2");
        assert_eq!(format_float(100.0), "100");
        assert_eq!(format_float(100000.0), "100000");
        assert_eq!(format_float(123456.0), "123456");
        assert_eq!(format_float(-2.0), "-2");
    }

    #[test]
    fn g_zero_and_negative_zero() {
        assert_eq!(format_float(0.0), "0");
        assert_eq!(format_float(-0.0), "-0"); // (-1.0) * 0.0
    }

    #[test]
    fn g_infinities() {
        assert_eq!(format_float(1.0e308 * 10.0), "inf");
        assert_eq!(format_float(-1.0e308 * 10.0), "-inf");
    }

    #[test]
    fn g_nan_sign() {
        // 0.0 * inf on x86-64 is a negative NaN; fromTOML "x = nan" is positive.
        assert_eq!(format_float(nan_neg()), "-nan");
        assert_eq!(format_float(nan_pos()), "nan");
    }

    #[test]
    fn g_exponent_forms() {
        assert_eq!(format_float(1.0e20), "1e+20");
        assert_eq!(format_float(1.0e21), "1e+21");
        assert_eq!(format_float(1.0e300), "1e+300");
        assert_eq!(format_float(0.00001), "1e-05");
        assert_eq!(format_float(1.5e-7), "1.5e-07");
        assert_eq!(format_float(-1.0e-9), "-1e-09");
        assert_eq!(format_float(0.000012345), "1.2345e-05");
        assert_eq!(format_float(123456789.0), "1.23457e+08");
    }

    #[test]
    fn g_fixed_forms() {
        assert_eq!(format_float(1.0 / 3.0), "0.333333");
        assert_eq!(format_float(0.0001), "0.0001");
        assert_eq!(format_float(0.5), "0.5");
        assert_eq!(format_float(123456.7), "123457");
        assert_eq!(format_float(12345.67), "12345.7");
        assert_eq!(format_float(-1234.5), "-1234.5");
        assert_eq!(format_float(0.0078125), "0.0078125");
        assert_eq!(format_float(0.000123456), "0.000123456");
    }

    #[test]
    fn g_rounding_carries_into_exponent() {
        assert_eq!(format_float(999999.5), "1e+06");
        assert_eq!(format_float(9999995.0), "1e+07");
        assert_eq!(format_float(9.999995e-5), "0.0001");
        assert_eq!(format_float(999999.4), "999999");
        assert_eq!(format_float(99999.95), "99999.9"); // binary value is just below .95
    }

    #[test]
    fn g_ties_round_to_even() {
        assert_eq!(format_float(1234565.0), "1.23456e+06");
        assert_eq!(format_float(1234575.0), "1.23458e+06");
        assert_eq!(format_float(12345650.0), "1.23456e+07");
        assert_eq!(format_float(0.0001234565), "0.000123457");
    }

    #[test]
    fn g_extremes() {
        assert_eq!(format_float(f64::MAX), "1.79769e+308");
        assert_eq!(format_float(f64::MIN_POSITIVE), "2.22507e-308");
        assert_eq!(format_float(5e-324), "4.94066e-324"); // fromTOML "x = 5e-324"
    }

    #[test]
    fn g_subnormal_computed() {
        // 1.0e-300 / 1.0e10
        assert_eq!(format_float(1.0e-300 / 1.0e10), "1e-310");
    }

    #[test]
    fn g_trailing_zeros_trimmed_in_exponent_form() {
        assert_eq!(format_float(9007199254740992.0), "9.0072e+15");
        assert_eq!(format_float(1.5e300), "1.5e+300");
    }

    #[test]
    fn g_misc() {
        assert_eq!(format_float(-0.5), "-0.5");
        assert_eq!(format_float(0.00099999), "0.00099999");
        assert_eq!(format_float(1.23456), "1.23456");
        assert_eq!(format_float(2.345678912), "2.34568");
    }

    // ---- format_float_to_string (%f) ----

    #[test]
    fn to_string_basic() {
        assert_eq!(format_float_to_string(2.5), "2.500000");
        assert_eq!(format_float_to_string(-2.5), "-2.500000");
        assert_eq!(format_float_to_string(2.0), "2.000000");
        assert_eq!(format_float_to_string(123456789.125), "123456789.125000");
    }

    #[test]
    fn to_string_large() {
        assert_eq!(
            format_float_to_string(1.0e20),
            "100000000000000000000.000000"
        );
        assert_eq!(
            format_float_to_string(1.0e300),
            "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"
        );
    }

    #[test]
    fn to_string_small_and_negative_zero() {
        assert_eq!(format_float_to_string(1.0e-7), "0.000000");
        assert_eq!(format_float_to_string(0.0000005), "0.000000");
        assert_eq!(format_float_to_string(0.0000015), "0.000002");
        assert_eq!(format_float_to_string(0.0000025), "0.000003");
        assert_eq!(format_float_to_string(0.0000005000001), "0.000001");
        assert_eq!(format_float_to_string(-0.0), "-0.000000");
        assert_eq!(format_float_to_string(-1.0e-9), "-0.000000");
        assert_eq!(format_float_to_string(-0.0000005), "-0.000000");
    }

    #[test]
    fn to_string_ties_to_even() {
        assert_eq!(format_float_to_string(0.0078125), "0.007812");
        assert_eq!(format_float_to_string(0.0234375), "0.023438");
    }

    #[test]
    fn to_string_non_finite() {
        assert_eq!(format_float_to_string(f64::INFINITY), "inf");
        assert_eq!(format_float_to_string(f64::NEG_INFINITY), "-inf");
        assert_eq!(format_float_to_string(nan_neg()), "-nan");
        assert_eq!(format_float_to_string(nan_pos()), "nan");
    }

    #[test]
    fn to_string_misc() {
        assert_eq!(format_float_to_string(0.1), "0.100000");
        assert_eq!(format_float_to_string(1.0 / 3.0), "0.333333");
        assert_eq!(format_float_to_string(1.23456), "1.234560");
        assert_eq!(format_float_to_string(999999.9999999), "1000000.000000");
    }

    #[test]
    fn to_string_large_integers() {
        assert_eq!(
            format_float_to_string(9007199254740992.0),
            "9007199254740992.000000"
        );
        assert_eq!(format_float_to_string(1.0e15), "1000000000000000.000000");
        assert_eq!(
            format_float_to_string(-1.0e20),
            "-100000000000000000000.000000"
        );
    }

    #[test]
    fn to_string_subnormal() {
        assert_eq!(format_float_to_string(1.0e-300 / 1.0e10), "0.000000");
    }

    // ---- format_float_json ----

    #[test]
    fn json_brief_examples() {
        assert_eq!(format_float_json(0.1), "0.1");
        assert_eq!(format_float_json(1.0e20), "1e+20");
        assert_eq!(format_float_json(1.5e-7), "1.5e-07");
        assert_eq!(format_float_json(123456789.0), "123456789.0");
        assert_eq!(format_float_json(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(format_float_json(100.0), "100.0");
        assert_eq!(format_float_json(1.0e300), "1e+300");
        assert_eq!(format_float_json(-0.0), "-0.0");
    }

    #[test]
    fn json_zero_and_sign() {
        assert_eq!(format_float_json(0.0), "0.0");
        assert_eq!(format_float_json(-2.5), "-2.5");
        assert_eq!(format_float_json(2.5), "2.5");
    }

    #[test]
    fn json_fixed_vs_exponent_thresholds() {
        assert_eq!(format_float_json(1.0e15), "1e+15");
        assert_eq!(format_float_json(123456789012345.0), "123456789012345.0");
        assert_eq!(
            format_float_json(1234567890123456.0),
            "1.234567890123456e+15"
        );
        assert_eq!(format_float_json(1.0e16), "1e+16");
        assert_eq!(format_float_json(1.0e22), "1e+22");
        assert_eq!(format_float_json(0.0001), "0.0001");
        assert_eq!(format_float_json(0.00012), "0.00012");
        assert_eq!(format_float_json(0.00001), "1e-05");
        assert_eq!(format_float_json(5.0e-5), "5e-05");
        assert_eq!(format_float_json(4.35e-5), "4.35e-05");
        assert_eq!(format_float_json(1.0e-100), "1e-100");
        assert_eq!(format_float_json(1.0e100), "1e+100");
    }

    #[test]
    fn json_shortest_digits() {
        assert_eq!(format_float_json(2.0 / 3.0), "0.6666666666666666");
        assert_eq!(format_float_json(0.3), "0.3");
        assert_eq!(format_float_json(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(format_float_json(123.456), "123.456");
        assert_eq!(
            format_float_json(9007199254740993.0),
            "9.007199254740992e+15"
        );
        assert_eq!(
            format_float_json(-9223372036854775809.0),
            "-9.223372036854776e+18"
        );
        assert_eq!(
            format_float_json(18446744073709551616.0),
            "1.8446744073709552e+19"
        );
    }

    #[test]
    fn json_extremes() {
        assert_eq!(format_float_json(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(
            format_float_json(f64::MIN_POSITIVE),
            "2.2250738585072014e-308"
        );
        assert_eq!(format_float_json(5e-324), "5e-324");
    }

    #[test]
    fn json_grisu2_non_shortest_cases() {
        // Grisu2 (nlohmann) is not always shortest; Nix prints 17 digits here
        // where 16 would round-trip.
        assert_eq!(
            format_float_json(2.718316374298659e276),
            "2.7183163742986588e+276"
        );
        assert_eq!(
            format_float_json(3.089261223363795e16),
            "3.0892612233637952e+16"
        );
        assert_eq!(format_float_json(4884043.914085072), "4884043.9140850725");
        assert_eq!(
            format_float_json(5.455734552299591e-6),
            "5.4557345522995914e-06"
        );
        assert_eq!(
            format_float_json(2.1406127740768e19),
            "2.1406127740768002e+19"
        );
    }

    #[test]
    fn json_non_finite_is_null() {
        assert_eq!(format_float_json(f64::INFINITY), "null");
        assert_eq!(format_float_json(f64::NEG_INFINITY), "null");
        assert_eq!(format_float_json(nan_neg()), "null");
        assert_eq!(format_float_json(nan_pos()), "null");
    }

    #[test]
    fn json_round_trips() {
        let mut s: u64 = 0x2545F4914F6CDD1D;
        for _ in 0..20000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let v = f64::from_bits(s);
            if !v.is_finite() {
                continue;
            }
            let text = format_float_json(v);
            let back: f64 = text.parse().unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "{}", text);
        }
    }

    #[test]
    fn json_whole_numbers_keep_point_zero() {
        assert_eq!(format_float_json(1.0), "1.0");
        assert_eq!(format_float_json(10.0), "10.0");
        assert_eq!(format_float_json(1.0e14), "100000000000000.0");
        assert_eq!(format_float_json(99999999999999.9), "99999999999999.9");
    }

    #[test]
    fn json_small_values() {
        assert_eq!(format_float_json(0.5), "0.5");
        assert_eq!(format_float_json(0.001), "0.001");
        assert_eq!(format_float_json(1.0e-5), "1e-05");
        assert_eq!(format_float_json(-1.0e-7), "-1e-07");
        assert_eq!(format_float_json(1.0e-7), "1e-07");
        assert_eq!(format_float_json(1.0e-300 / 1.0e10), "1e-310");
    }

    #[test]
    fn json_misc() {
        assert_eq!(format_float_json(1.5e300), "1.5e+300");
        assert_eq!(format_float_json(1.23456), "1.23456");
    }

    // ---- parse_float_literal ----

    #[test]
    fn literal_forms() {
        assert_eq!(parse_float_literal("1.5"), Some(1.5));
        assert_eq!(parse_float_literal(".5"), Some(0.5));
        assert_eq!(parse_float_literal("1."), Some(1.0));
        assert_eq!(parse_float_literal("1.5e3"), Some(1500.0));
        assert_eq!(parse_float_literal("1.5E-3"), Some(0.0015));
        assert_eq!(parse_float_literal("1.e5"), Some(100000.0));
        assert_eq!(parse_float_literal(".5e2"), Some(50.0));
        assert_eq!(parse_float_literal("1.5e+3"), Some(1500.0));
        assert_eq!(parse_float_literal("0.5"), Some(0.5));
        assert_eq!(parse_float_literal(".0"), Some(0.0));
        assert_eq!(parse_float_literal("5."), Some(5.0));
        assert_eq!(parse_float_literal("1.0e0001"), Some(10.0));
    }

    #[test]
    fn literal_not_float_tokens() {
        // The Nix lexer does not produce a float token for these.
        for t in [
            "0.", "00.5", "01.5", "1", "1e5", "1.5e", "1.5e+", "1.5ee3", "1.5e3.2", "1.2.3", ".",
            ".e5", "", "-1.5", "+1.5", "1.5f", " 1.5", "inf", "nan",
        ] {
            assert_eq!(parse_float_literal(t), None, "{:?}", t);
        }
    }

    #[test]
    fn literal_zero_with_huge_exponent() {
        assert_eq!(parse_float_literal("0.0e-400"), Some(0.0));
        assert_eq!(parse_float_literal("0.0e400"), Some(0.0));
        assert_eq!(parse_float_literal(".0e99999999999999999999999"), Some(0.0));
    }

    #[test]
    fn literal_overflow_invalid() {
        assert_eq!(parse_float_literal("1.0e308"), Some(1.0e308));
        assert_eq!(
            parse_float_literal("1.7976931348623157e308"),
            Some(f64::MAX)
        );
        assert_eq!(
            parse_float_literal("1.7976931348623158e308"),
            Some(f64::MAX)
        );
        assert_eq!(parse_float_literal("1.7976931348623159e308"), None);
        assert_eq!(parse_float_literal("1.8e308"), None);
        assert_eq!(parse_float_literal("1.0e99999999999999999999"), None);
    }

    #[test]
    fn literal_underflow_and_subnormal_invalid() {
        assert_eq!(parse_float_literal("1.0e-400"), None);
        assert_eq!(parse_float_literal("1.0e-310"), None);
        assert_eq!(parse_float_literal("1.0e-320"), None);
        assert_eq!(parse_float_literal("4.9e-324"), None);
        assert_eq!(parse_float_literal("5.0e-324"), None);
        assert_eq!(parse_float_literal("1.0e-99999999999999999999"), None);
        assert_eq!(
            parse_float_literal("0.00000000000000000000000000000000001e-280"),
            None
        );
        assert_eq!(parse_float_literal("1.0e-307"), Some(1.0e-307));
    }

    #[test]
    fn literal_min_normal_threshold() {
        // These all round to f64::MIN_POSITIVE, but glibc detects tininess
        // after rounding to 53 bits with an unbounded exponent, so values
        // below 2^-1022 - 2^-1076 still set ERANGE and Nix rejects them.
        assert_eq!(parse_float_literal("2.2250738585072011e-308"), None);
        assert_eq!(parse_float_literal("2.2250738585072012e-308"), None);
        assert_eq!(parse_float_literal("2.22507385850720125e-308"), None);
        assert_eq!(parse_float_literal("2.225073858507201259e-308"), None);
        assert_eq!(
            parse_float_literal("2.225073858507201260e-308"),
            Some(f64::MIN_POSITIVE)
        );
        assert_eq!(
            parse_float_literal("2.22507385850720126e-308"),
            Some(f64::MIN_POSITIVE)
        );
        assert_eq!(
            parse_float_literal("2.2250738585072013e-308"),
            Some(f64::MIN_POSITIVE)
        );
        assert_eq!(
            parse_float_literal("2.2250738585072014e-308"),
            Some(f64::MIN_POSITIVE)
        );
        assert_eq!(parse_float_literal("22250738585072012.0e-324"), None);
        assert_eq!(
            parse_float_literal("22250738585072013.0e-324"),
            Some(f64::MIN_POSITIVE)
        );
    }

    #[test]
    fn literal_min_normal_threshold_exact() {
        // The exact threshold 2^-1022 - 2^-1076 is accepted (it rounds up to
        // 2^-1022 even with an unbounded exponent); one unit less is not.
        let mut big = BigDec::from_u64((1u64 << 54) - 1);
        for _ in 0..1076 {
            big.mul_small(5);
        }
        let digits = String::from_utf8(big.to_digits()).unwrap();
        assert_eq!(digits.len(), 769);
        assert!(digits.starts_with("22250738585072012595738212570207680200770177634069887392883"));
        let exact = format!("{}.{}e-308", &digits[..1], &digits[1..]);
        assert_eq!(parse_float_literal(&exact), Some(f64::MIN_POSITIVE));
        let last = digits.as_bytes()[digits.len() - 1] - b'1';
        let below = format!(
            "{}.{}{}9999e-308",
            &digits[..1],
            &digits[1..digits.len() - 1],
            last as char
        );
        assert_eq!(parse_float_literal(&below), None);
    }

    #[test]
    fn literal_correct_rounding_of_long_inputs() {
        assert_eq!(
            parse_float_literal("0.1000000000000000055511151231257827021181583404541015625"),
            Some(0.1)
        );
        assert_eq!(
            parse_float_literal("9007199254740993.0"),
            Some(9007199254740992.0)
        );
        assert_eq!(
            parse_float_literal("9007199254740993.00000000000000000000000000000001"),
            Some(9007199254740994.0)
        );
        assert_eq!(
            parse_float_literal("123456789012345678901234567890.5"),
            Some(1.2345678901234568e29)
        );
        let long = format!("0.{}1e300", "0".repeat(312));
        assert_eq!(parse_float_literal(&long), Some(1e-13));
    }

    // ---- parse_decimal ----

    #[test]
    fn decimal_strtod_like() {
        assert_eq!(
            parse_decimal(b"-0.0").map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(parse_decimal(b"1e400"), Some(f64::INFINITY));
        assert_eq!(parse_decimal(b"-1e400"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_decimal(b"1e-400"), Some(0.0));
        assert_eq!(parse_decimal(b"4.9e-324"), Some(5e-324));
        assert_eq!(parse_decimal(b"1E2"), Some(100.0));
        assert_eq!(
            parse_decimal(b"12345678901234567890"),
            Some(12345678901234567890.0)
        );
        assert_eq!(parse_decimal(b"1."), Some(1.0));
        assert_eq!(parse_decimal(b".5"), Some(0.5));
        // Exponent offsets a very long run of zeros exactly.
        let text = format!("0.{}1e100005", "0".repeat(100000));
        assert_eq!(parse_decimal(text.as_bytes()), Some(10000.0));
    }

    #[test]
    fn decimal_rejects_other_syntax() {
        for t in [
            "", ".", "e5", "1e", "1e+", "inf", "nan", "0x10", " 1", "1 ", "--1", "1.5.5",
        ] {
            assert_eq!(parse_decimal(t.as_bytes()), None, "{:?}", t);
        }
    }
}
