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
    unary(p, a, f64::asinh)
}

/// `:math.acosh/1`.
pub fn acosh(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::acosh)
}

/// `:math.atanh/1`.
pub fn atanh(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    unary(p, a, f64::atanh)
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
pub fn pi(p: &mut Process, _a: &[Term]) -> Result<Term, Raise> {
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
