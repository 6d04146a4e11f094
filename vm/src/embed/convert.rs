//! Conversions between Rust values and [`Value`]: [`IntoValue`] and [`FromValue`].
//!
//! | Rust | Elixir |
//! |------|--------|
//! | integers, `BigInt` | integers |
//! | `f32`, `f64` | floats |
//! | `bool` | `true`, `false` |
//! | `String`, `&str` | binaries (strings) |
//! | [`Binary`] | binaries of any bytes |
//! | [`AtomName`] | atoms |
//! | `Vec<T>`, `&[T]` | lists |
//! | tuples `(A,)` to `(A, B, C, D, E, F, G, H)` | tuples |
//! | `HashMap`, `BTreeMap` | maps |
//! | `Option<T>` | the value or `nil` |
//! | `Result<T, E>` | `{:ok, value}` or `{:error, reason}` |
//! | [`Pid`], [`Ref`], [`Value`] | themselves |

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::Hash;

use num_bigint::BigInt;

use super::value::{Pid, Ref, Value};

/// Bytes that convert to a binary (a `Vec<u8>` converts to a list of integers, as a list
/// of any integers does).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Binary(pub Vec<u8>);

/// A name that converts to an atom (a `String` converts to a binary).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AtomName(pub String);

/// Why a [`Value`] did not convert to the Rust type asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvertError {
    /// What was expected ("an integer of type u8", "a list", ...).
    pub expected: String,
    /// The value found, as `inspect` prints it.
    pub found: String,
}

impl ConvertError {
    /// `found` is not `expected`.
    pub fn new(expected: impl Into<String>, found: &Value) -> ConvertError {
        ConvertError {
            expected: expected.into(),
            found: found.to_string(),
        }
    }
}

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, got: {}", self.expected, self.found)
    }
}

impl std::error::Error for ConvertError {}

/// A Rust value that becomes a term.
pub trait IntoValue {
    /// The value as a term.
    fn into_value(self) -> Value;
}

/// A Rust value that a term converts to.
pub trait FromValue: Sized {
    /// Converts `v`, or says what was expected instead.
    fn from_value(v: Value) -> Result<Self, ConvertError>;
}

impl Value {
    /// Converts the value to `T`.
    ///
    /// ```
    /// use beamlet_vm::embed::Value;
    /// let v = Value::from(vec![1, 2, 3]);
    /// assert_eq!(v.clone().decode::<Vec<u8>>().unwrap(), vec![1, 2, 3]);
    /// assert!(v.decode::<String>().is_err());
    /// ```
    pub fn decode<T: FromValue>(self) -> Result<T, ConvertError> {
        T::from_value(self)
    }
}

macro_rules! from_impls {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(v: $t) -> Value {
                v.into_value()
            }
        }
    )*};
}
from_impls!(i32, i64, u32, u64, usize, f64, bool, &str, String, Binary, AtomName, Pid, Ref);

impl<T: IntoValue> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Value {
        v.into_value()
    }
}

impl IntoValue for Value {
    fn into_value(self) -> Value {
        self
    }
}

impl FromValue for Value {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        Ok(v)
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl IntoValue for $t {
            fn into_value(self) -> Value {
                match i64::try_from(self) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::BigInt(BigInt::from(self)),
                }
            }
        }
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, ConvertError> {
                let fits = match &v {
                    Value::Int(i) => <$t>::try_from(*i).ok(),
                    Value::BigInt(n) => <$t>::try_from(n).ok(),
                    _ => None,
                };
                fits.ok_or_else(|| {
                    ConvertError::new(concat!("an integer of type ", stringify!($t)), &v)
                })
            }
        }
    )*};
}
integers!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl IntoValue for BigInt {
    fn into_value(self) -> Value {
        match i64::try_from(&self) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(self),
        }
    }
}

impl FromValue for BigInt {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        match v {
            Value::Int(i) => Ok(BigInt::from(i)),
            Value::BigInt(n) => Ok(n),
            other => Err(ConvertError::new("an integer", &other)),
        }
    }
}

impl IntoValue for f64 {
    fn into_value(self) -> Value {
        Value::Float(self)
    }
}

impl IntoValue for f32 {
    fn into_value(self) -> Value {
        Value::Float(self as f64)
    }
}

impl FromValue for f64 {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        match v {
            Value::Float(f) => Ok(f),
            other => Err(ConvertError::new("a float", &other)),
        }
    }
}

impl FromValue for f32 {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        f64::from_value(v).map(|f| f as f32)
    }
}

impl IntoValue for bool {
    fn into_value(self) -> Value {
        Value::atom(if self { "true" } else { "false" })
    }
}

impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        match &v {
            Value::Atom(a) if a == "true" => Ok(true),
            Value::Atom(a) if a == "false" => Ok(false),
            _ => Err(ConvertError::new("a boolean", &v)),
        }
    }
}

impl IntoValue for String {
    fn into_value(self) -> Value {
        Value::Binary(self.into_bytes())
    }
}

impl IntoValue for &str {
    fn into_value(self) -> Value {
        Value::Binary(self.as_bytes().to_vec())
    }
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        match v {
            Value::Binary(b) => String::from_utf8(b)
                .map_err(|e| ConvertError::new("a UTF-8 string", &Value::Binary(e.into_bytes()))),
            other => Err(ConvertError::new("a string", &other)),
        }
    }
}

/// Types that are one variant of [`Value`]: the variant, how to wrap and unwrap it, and
/// what a conversion error says was expected.
macro_rules! variant_impls {
    ($($t:ty => $variant:ident, $wrap:expr, $unwrap:expr, $what:literal;)*) => {$(
        impl IntoValue for $t {
            fn into_value(self) -> Value {
                Value::$variant($unwrap(self))
            }
        }
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, ConvertError> {
                match v {
                    Value::$variant(x) => Ok($wrap(x)),
                    other => Err(ConvertError::new($what, &other)),
                }
            }
        }
    )*};
}
variant_impls! {
    Binary => Binary, Binary, |b: Binary| b.0, "a binary";
    AtomName => Atom, AtomName, |a: AtomName| a.0, "an atom";
    Pid => Pid, |p| p, |p| p, "a pid";
    Ref => Ref, |r| r, |r| r, "a reference";
}

impl<T: IntoValue> IntoValue for Vec<T> {
    fn into_value(self) -> Value {
        Value::List(self.into_iter().map(IntoValue::into_value).collect())
    }
}

impl<T: IntoValue + Clone> IntoValue for &[T] {
    fn into_value(self) -> Value {
        Value::List(self.iter().cloned().map(IntoValue::into_value).collect())
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        match v {
            Value::List(items) => items.into_iter().map(T::from_value).collect(),
            other => Err(ConvertError::new("a list", &other)),
        }
    }
}

impl<T: IntoValue> IntoValue for Option<T> {
    fn into_value(self) -> Value {
        match self {
            Some(v) => v.into_value(),
            None => Value::nil(),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        if v.is_atom("nil") {
            Ok(None)
        } else {
            T::from_value(v).map(Some)
        }
    }
}

impl<T: IntoValue, E: IntoValue> IntoValue for Result<T, E> {
    fn into_value(self) -> Value {
        match self {
            Ok(v) => Value::Tuple(vec![Value::atom("ok"), v.into_value()]),
            Err(e) => Value::Tuple(vec![Value::atom("error"), e.into_value()]),
        }
    }
}

impl<T: FromValue, E: FromValue> FromValue for Result<T, E> {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        match v {
            Value::Tuple(mut items) if items.len() == 2 && items[0].is_atom("ok") => {
                T::from_value(items.pop().unwrap_or(Value::nil())).map(Ok)
            }
            Value::Tuple(mut items) if items.len() == 2 && items[0].is_atom("error") => {
                E::from_value(items.pop().unwrap_or(Value::nil())).map(Err)
            }
            other => Err(ConvertError::new(
                "{:ok, value} or {:error, reason}",
                &other,
            )),
        }
    }
}

/// A map of any Rust map type's pairs.
fn map_into<K: IntoValue, V: IntoValue>(pairs: impl IntoIterator<Item = (K, V)>) -> Value {
    Value::Map(
        pairs
            .into_iter()
            .map(|(k, v)| (k.into_value(), v.into_value()))
            .collect(),
    )
}

/// Any Rust map type from a map's pairs.
fn map_from<K: FromValue, V: FromValue, M: FromIterator<(K, V)>>(
    v: Value,
) -> Result<M, ConvertError> {
    match v {
        Value::Map(pairs) => pairs
            .into_iter()
            .map(|(k, v)| Ok((K::from_value(k)?, V::from_value(v)?)))
            .collect(),
        other => Err(ConvertError::new("a map", &other)),
    }
}

impl<K: IntoValue, V: IntoValue, S> IntoValue for HashMap<K, V, S> {
    fn into_value(self) -> Value {
        map_into(self)
    }
}

impl<K: FromValue + Eq + Hash, V: FromValue, S: std::hash::BuildHasher + Default> FromValue
    for HashMap<K, V, S>
{
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        map_from(v)
    }
}

impl<K: IntoValue, V: IntoValue> IntoValue for BTreeMap<K, V> {
    fn into_value(self) -> Value {
        map_into(self)
    }
}

impl<K: FromValue + Ord, V: FromValue> FromValue for BTreeMap<K, V> {
    fn from_value(v: Value) -> Result<Self, ConvertError> {
        map_from(v)
    }
}

macro_rules! tuples {
    ($($n:literal => ($($t:ident),+);)*) => {$(
        impl<$($t: IntoValue),+> IntoValue for ($($t,)+) {
            #[allow(non_snake_case)]
            fn into_value(self) -> Value {
                let ($($t,)+) = self;
                Value::Tuple(vec![$($t.into_value()),+])
            }
        }
        impl<$($t: FromValue),+> FromValue for ($($t,)+) {
            fn from_value(v: Value) -> Result<Self, ConvertError> {
                match v {
                    Value::Tuple(items) if items.len() == $n => {
                        let mut it = items.into_iter();
                        Ok(($($t::from_value(it.next().unwrap_or(Value::nil()))?,)+))
                    }
                    other => Err(ConvertError::new(concat!("a tuple of ", $n, " elements"), &other)),
                }
            }
        }
    )*};
}
tuples! {
    1 => (A);
    2 => (A, B);
    3 => (A, B, C);
    4 => (A, B, C, D);
    5 => (A, B, C, D, E);
    6 => (A, B, C, D, E, F);
    7 => (A, B, C, D, E, F, G);
    8 => (A, B, C, D, E, F, G, H);
}
