//! `:math`: the C library's functions on floats, as the BEAM calls them. An argument that
//! is not a number is a `badarg`; an integer too large for a float, or a result that is
//! not finite (a domain error, an overflow), is a `badarith`.

use super::{args, float_result, to_f64, FloatErr};
use crate::exception::Raise;
use crate::process::Process;
use crate::term::Term;

fn arg(t: Term) -> Result<f64, Raise> {
    to_f64(t).map_err(|e| match e {
        FloatErr::NotNumber => Raise::badarg(),
        FloatErr::Overflow => Raise::badarith(),
    })
}

fn unary(p: &mut Process, a: &[Term], f: fn(f64) -> f64) -> Result<Term, Raise> {
    let [x] = args(a)?;
    let x = arg(x)?;
    float_result(p, f(x))
}

fn binary(p: &mut Process, a: &[Term], f: fn(f64, f64) -> f64) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    let (x, y) = (arg(x)?, arg(y)?);
    float_result(p, f(x, y))
}

/// `:math.pow/2`.
pub fn pow(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    binary(p, a, f64::powf)
}

/// `:math.sqrt/1`.
pub fn sqrt(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::sqrt)
}

/// `:math.sin/1`.
pub fn sin(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::sin)
}

/// `:math.cos/1`.
pub fn cos(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::cos)
}

/// `:math.tan/1`.
pub fn tan(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::tan)
}

/// `:math.asin/1`.
pub fn asin(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::asin)
}

/// `:math.acos/1`.
pub fn acos(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::acos)
}

/// `:math.atan/1`.
pub fn atan(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::atan)
}

/// `:math.atan2/2`.
pub fn atan2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    binary(p, a, f64::atan2)
}

/// `:math.sinh/1`.
pub fn sinh(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::sinh)
}

/// `:math.cosh/1`.
pub fn cosh(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::cosh)
}

/// `:math.tanh/1`.
pub fn tanh(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::tanh)
}

/// `:math.asinh/1`.
pub fn asinh(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, libm_asinh)
}

/// `:math.acosh/1`.
pub fn acosh(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, libm_acosh)
}

/// `:math.atanh/1`.
pub fn atanh(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, libm_atanh)
}

// Rust computes the inverse hyperbolic functions its own way, which differs from the C
// library in the last bit for some arguments. These are the C library's (glibc's, from
// fdlibm) formulas, over the same `log` and `log1p`.

const LN2: f64 = std::f64::consts::LN_2;

/// The high 32 bits of `x`, sign cleared.
fn high_word(x: f64) -> u32 {
    ((x.to_bits() >> 32) as u32) & 0x7fff_ffff
}

fn libm_asinh(x: f64) -> f64 {
    let ix = high_word(x);
    if ix < 0x3e30_0000 {
        // |x| < 2^-28
        return x;
    }
    let xa = x.abs();
    let w = if ix > 0x41b0_0000 {
        // |x| > 2^28
        if !x.is_finite() {
            return x + x;
        }
        xa.ln() + LN2
    } else if ix > 0x4000_0000 {
        // 2 < |x| <= 2^28
        (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
    } else {
        let t = xa * xa;
        (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

fn libm_acosh(x: f64) -> f64 {
    let bits = x.to_bits();
    let hx = (bits >> 32) as u32 as i32;
    let lx = bits as u32;
    if hx < 0x3ff0_0000 {
        // x < 1
        f64::NAN
    } else if hx >= 0x41b0_0000 {
        // x >= 2^28
        if hx >= 0x7ff0_0000 {
            x + x
        } else {
            x.ln() + LN2
        }
    } else if (hx - 0x3ff0_0000) as u32 | lx == 0 {
        0.0
    } else if hx > 0x4000_0000 {
        let t = x * x;
        (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln()
    } else {
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

fn libm_atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < 3.725_290_298_461_914e-9 {
            // |x| < 2^-28
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 {
        return f64::NAN;
    } else {
        return x / 0.0;
    };
    t.copysign(x)
}

/// `:math.exp/1`.
pub fn exp(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::exp)
}

/// `:math.log/1`.
pub fn log(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::ln)
}

/// `:math.log2/1`.
pub fn log2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::log2)
}

/// `:math.log10/1`.
pub fn log10(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::log10)
}

/// `:math.pi/0`.
pub fn pi(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [] = args(a)?;
    float_result(p, std::f64::consts::PI)
}

/// `:math.floor/1`: a float.
pub fn floor(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::floor)
}

/// `:math.ceil/1`: a float.
pub fn ceil(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::ceil)
}

/// `:math.fmod/2`: the C `fmod`, the remainder with the sign of the dividend.
pub fn fmod(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    binary(p, a, |x, y| x % y)
}

// The C library's error functions: Rust's standard library has none, and calling the
// same `erf`/`erfc` as the BEAM gives the same bits.
extern "C" {
    #[link_name = "erf"]
    fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    fn c_erfc(x: f64) -> f64;
}

fn erf_f64(x: f64) -> f64 {
    // SAFETY: `erf` is a pure function of a double, defined for every input.
    unsafe { c_erf(x) }
}

fn erfc_f64(x: f64) -> f64 {
    // SAFETY: `erfc` is a pure function of a double, defined for every input.
    unsafe { c_erfc(x) }
}

/// `:math.erf/1`.
pub fn erf(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, erf_f64)
}

/// `:math.erfc/1`.
pub fn erfc(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, erfc_f64)
}
