//! serde support: any `Serialize` type to a [`Value`] and a [`Value`] to any
//! `Deserialize` type, with the shapes an Elixir program expects.
//!
//! | serde | Elixir |
//! |-------|--------|
//! | bool, integers, floats | `true`/`false`, integers, floats |
//! | string, char | binary |
//! | bytes | binary |
//! | `None`, unit, unit struct | `nil` |
//! | `Some(x)`, newtype struct | `x` |
//! | sequence | list |
//! | tuple, tuple struct | tuple |
//! | map | map |
//! | struct | map with atom keys (`%{name: "x", age: 3}`) |
//! | unit variant | atom (`:red`) |
//! | newtype variant | `{:variant, value}` |
//! | tuple variant | `{:variant, a, b}` |
//! | struct variant | `{:variant, %{field: value}}` |
//!
//! Reading back, atoms are accepted where strings are expected (map keys, enum variants).
//!
//! ```
//! use beamlet_vm::embed::serde::{from_value, to_value};
//! #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
//! struct Point { x: i64, y: i64 }
//! let v = to_value(&Point { x: 1, y: 2 }).unwrap();
//! assert_eq!(v.to_string(), "%{x: 1, y: 2}");
//! assert_eq!(from_value::<Point>(v).unwrap(), Point { x: 1, y: 2 });
//! ```

use std::fmt;

use ::serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use ::serde::ser::{self, Serialize};

use super::value::Value;

/// Why a value did not serialize or deserialize.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// `x` as a [`Value`].
pub fn to_value<T: Serialize + ?Sized>(x: &T) -> Result<Value, Error> {
    x.serialize(Serializer)
}

/// A `T` read from `v`.
pub fn from_value<T: DeserializeOwned>(v: Value) -> Result<T, Error> {
    T::deserialize(Deserializer(v))
}

struct Serializer;

fn int(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::BigInt(i.into()),
    }
}

impl ser::Serializer for Serializer {
    type Ok = Value;
    type Error = Error;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Seq;
    type SerializeMap = MapS;
    type SerializeStruct = MapS;
    type SerializeStructVariant = MapS;

    fn serialize_bool(self, v: bool) -> Result<Value, Error> {
        Ok(Value::atom(if v { "true" } else { "false" }))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, Error> {
        Ok(int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, Error> {
        Ok(int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, Error> {
        Ok(int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, Error> {
        Ok(int(v.into()))
    }
    fn serialize_i128(self, v: i128) -> Result<Value, Error> {
        Ok(int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Value, Error> {
        Ok(int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, Error> {
        Ok(int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, Error> {
        Ok(int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, Error> {
        Ok(int(v.into()))
    }
    fn serialize_u128(self, v: u128) -> Result<Value, Error> {
        Ok(match i128::try_from(v) {
            Ok(i) => int(i),
            Err(_) => Value::BigInt(v.into()),
        })
    }
    fn serialize_f32(self, v: f32) -> Result<Value, Error> {
        Ok(Value::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Value, Error> {
        Ok(Value::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Value, Error> {
        Ok(Value::Binary(v.to_string().into_bytes()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, Error> {
        Ok(Value::Binary(v.as_bytes().to_vec()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, Error> {
        Ok(Value::Binary(v.to_vec()))
    }
    fn serialize_none(self) -> Result<Value, Error> {
        Ok(Value::nil())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Value, Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, Error> {
        Ok(Value::nil())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Value, Error> {
        Ok(Value::nil())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        v: &'static str,
    ) -> Result<Value, Error> {
        Ok(Value::atom(v))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<Value, Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Value, Error> {
        Ok(Value::Tuple(vec![Value::atom(variant), v.serialize(self)?]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
        Ok(Seq::new(None, len, false))
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, Error> {
        Ok(Seq::new(None, Some(len), true))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq, Error> {
        Ok(Seq::new(None, Some(len), true))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq, Error> {
        Ok(Seq::new(Some(variant), Some(len), true))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapS, Error> {
        Ok(MapS::new(None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<MapS, Error> {
        Ok(MapS::new(None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<MapS, Error> {
        Ok(MapS::new(Some(variant)))
    }
}

/// A list or tuple being built (a tuple variant starts with its tag).
struct Seq {
    items: Vec<Value>,
    tuple: bool,
}

impl Seq {
    fn new(variant: Option<&str>, len: Option<usize>, tuple: bool) -> Seq {
        let mut items = Vec::with_capacity(len.unwrap_or(0) + 1);
        if let Some(v) = variant {
            items.push(Value::atom(v));
        }
        Seq { items, tuple }
    }

    fn push<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.items.push(v.serialize(Serializer)?);
        Ok(())
    }

    fn finish(self) -> Result<Value, Error> {
        Ok(if self.tuple {
            Value::Tuple(self.items)
        } else {
            Value::List(self.items)
        })
    }
}

/// The four serde traits of sequences differ only in the name of the element method.
macro_rules! seq_impls {
    ($($trait:ident :: $method:ident;)*) => {$(
        impl ser::$trait for Seq {
            type Ok = Value;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                self.push(v)
            }
            fn end(self) -> Result<Value, Error> {
                self.finish()
            }
        }
    )*};
}
seq_impls! {
    SerializeSeq::serialize_element;
    SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field;
    SerializeTupleVariant::serialize_field;
}

/// A map being built (a struct variant's map goes in `{:variant, map}`).
struct MapS {
    variant: Option<&'static str>,
    pairs: Vec<(Value, Value)>,
    key: Option<Value>,
}

impl MapS {
    fn new(variant: Option<&'static str>) -> MapS {
        MapS {
            variant,
            pairs: Vec::new(),
            key: None,
        }
    }

    fn finish(self) -> Result<Value, Error> {
        let m = Value::Map(self.pairs);
        Ok(match self.variant {
            Some(v) => Value::Tuple(vec![Value::atom(v), m]),
            None => m,
        })
    }
}

impl ser::SerializeMap for MapS {
    type Ok = Value;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        self.key = Some(k.serialize(Serializer)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let k = self
            .key
            .take()
            .ok_or_else(|| Error("a map value without a key".into()))?;
        self.pairs.push((k, v.serialize(Serializer)?));
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        self.finish()
    }
}

/// Structs and struct variants: fields under atom keys.
macro_rules! struct_impls {
    ($($trait:ident),*) => {$(
        impl ser::$trait for MapS {
            type Ok = Value;
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                k: &'static str,
                v: &T,
            ) -> Result<(), Error> {
                self.pairs.push((Value::atom(k), v.serialize(Serializer)?));
                Ok(())
            }
            fn end(self) -> Result<Value, Error> {
                self.finish()
            }
        }
    )*};
}
struct_impls!(SerializeStruct, SerializeStructVariant);

struct Deserializer(Value);

fn unexpected(v: &Value, what: &str) -> Error {
    Error(format!("expected {what}, got: {v}"))
}

impl<'de> de::Deserializer<'de> for Deserializer {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Int(i) => visitor.visit_i64(i),
            Value::BigInt(n) => match i128::try_from(&n) {
                Ok(i) => visitor.visit_i128(i),
                Err(_) => match u128::try_from(&n) {
                    Ok(u) => visitor.visit_u128(u),
                    Err(_) => Err(Error(format!("integer too large: {n}"))),
                },
            },
            Value::Float(f) => visitor.visit_f64(f),
            Value::Atom(a) if a == "true" => visitor.visit_bool(true),
            Value::Atom(a) if a == "false" => visitor.visit_bool(false),
            Value::Atom(a) if a == "nil" => visitor.visit_none(),
            Value::Atom(a) => visitor.visit_string(a),
            Value::Binary(b) => match String::from_utf8(b) {
                Ok(s) => visitor.visit_string(s),
                Err(e) => visitor.visit_byte_buf(e.into_bytes()),
            },
            Value::List(items) | Value::Tuple(items) => visitor.visit_seq(
                de::value::SeqDeserializer::new(items.into_iter().map(Deserializer)),
            ),
            Value::Map(pairs) => visitor.visit_map(de::value::MapDeserializer::new(
                pairs
                    .into_iter()
                    .map(|(k, v)| (Deserializer(k), Deserializer(v))),
            )),
            other => Err(unexpected(&other, "data (not a pid, reference or fun)")),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_atom("nil") {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_atom("nil") {
            visitor.visit_unit()
        } else {
            Err(unexpected(&self.0, "nil"))
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Binary(b) => visitor.visit_byte_buf(b),
            other => Deserializer(other).deserialize_any(visitor),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Atom(a) => visitor.visit_enum(a.into_deserializer()),
            Value::Binary(b) => {
                let s = String::from_utf8(b)
                    .map_err(|_| Error("a variant name is not UTF-8".into()))?;
                visitor.visit_enum(s.into_deserializer())
            }
            Value::Tuple(mut items) if !items.is_empty() => {
                let tag = items.remove(0);
                let name = match tag {
                    Value::Atom(a) => a,
                    other => return Err(unexpected(&other, "a variant atom")),
                };
                let content = if items.len() == 1 {
                    items.pop().unwrap_or(Value::nil())
                } else {
                    Value::Tuple(items)
                };
                visitor.visit_enum(Enum { name, content })
            }
            other => Err(unexpected(&other, "an atom or {:variant, ...}")),
        }
    }

    ::serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, Error> for Deserializer {
    type Deserializer = Deserializer;
    fn into_deserializer(self) -> Deserializer {
        self
    }
}

struct Enum {
    name: String,
    content: Value,
}

impl<'de> de::EnumAccess<'de> for Enum {
    type Error = Error;
    type Variant = Deserializer;
    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Deserializer), Error> {
        let v = seed.deserialize(self.name.into_deserializer())?;
        Ok((v, Deserializer(self.content)))
    }
}

impl<'de> de::VariantAccess<'de> for Deserializer {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }
    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}
