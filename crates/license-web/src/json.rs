//! Reading the server's JSON into the `license-api` types: the browser's
//! `JSON.parse`, then this small serde `Deserializer` over its values.
//!
//! Why not serde-wasm-bindgen or serde_json: both bring float formatting
//! (serde's error messages print an unexpected `f64`) and their own error
//! text, about 14 KB gzip together that every phone would download. This
//! reader only visits what the API sends (objects, arrays, strings, whole
//! numbers, booleans, null), and its errors carry no formatted text: the
//! page says "unexpected answer" whatever went wrong.

use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// Why an answer could not be read: a fixed description, never formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable(pub &'static str);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for Unreadable {}

impl de::Error for Unreadable {
    // Every constructor ignores its arguments: formatting them would link
    // float and `Unexpected` formatting into the page.
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unreadable("the answer does not have the expected shape")
    }
    fn invalid_type(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Unreadable("a field of the answer has the wrong type")
    }
    fn invalid_value(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Unreadable("a field of the answer has a value out of range")
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        Unreadable("a list in the answer has the wrong length")
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Unreadable("the answer names something this page does not know")
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        Unreadable("the answer has a field this page does not know")
    }
    fn missing_field(_: &'static str) -> Self {
        Unreadable("the answer lacks a field")
    }
    fn duplicate_field(_: &'static str) -> Self {
        Unreadable("the answer has a field twice")
    }
}

/// Parses `text` as JSON and reads it as `T`.
#[inline(always)]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Unreadable> {
    let value = js_sys::JSON::parse(text).map_err(|_| Unreadable("the answer is not JSON"))?;
    T::deserialize(Value(value))
}

/// One parsed JSON value.
struct Value(JsValue);

/// What a JSON value is, found once, outside the generic code that serde
/// instantiates for every type read (so each instance stays small).
enum Shape {
    Unit,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Text(String),
    Seq(Array),
    Map(JsValue, Array),
    Bad(&'static str),
}

/// The largest integer a JavaScript number holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

#[inline(never)]
fn shape(v: JsValue) -> Shape {
    if v.is_null() || v.is_undefined() {
        Shape::Unit
    } else if let Some(b) = v.as_bool() {
        Shape::Bool(b)
    } else if let Some(n) = v.as_f64() {
        if n.fract() != 0.0 || n.abs() > MAX_SAFE {
            Shape::Bad("a number in the answer is not a whole number")
        } else if n < 0.0 {
            Shape::Signed(n as i64)
        } else {
            Shape::Unsigned(n as u64)
        }
    } else if let Some(s) = v.as_string() {
        Shape::Text(s)
    } else if Array::is_array(&v) {
        Shape::Seq(v.unchecked_into())
    } else if v.is_object() {
        let keys = Object::keys(v.unchecked_ref::<Object>());
        Shape::Map(v, keys)
    } else {
        Shape::Bad("the answer holds a value JSON does not have")
    }
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Unreadable;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        match shape(self.0) {
            Shape::Unit => visitor.visit_unit(),
            Shape::Bool(b) => visitor.visit_bool(b),
            Shape::Unsigned(n) => visitor.visit_u64(n),
            Shape::Signed(n) => visitor.visit_i64(n),
            Shape::Text(s) => visitor.visit_string(s),
            Shape::Seq(items) => visitor.visit_seq(Items { items, next: 0 }),
            Shape::Map(object, keys) => visitor.visit_map(Fields { object, keys, next: 0 }),
            Shape::Bad(why) => Err(Unreadable(why)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        // Unit variants only, as the API's enums are: a string.
        let name = self.0.as_string().ok_or(Unreadable("the answer names something in the wrong form"))?;
        visitor.visit_enum(name.into_deserializer())
    }

    /// A field this page does not read: skipped without looking inside.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct
        newtype_struct seq tuple tuple_struct map struct identifier
    }
}

struct Items {
    items: Array,
    next: u32,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Unreadable;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Unreadable> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        self.next += 1;
        seed.deserialize(Value(self.items.get(self.next - 1))).map(Some)
    }
}

struct Fields {
    object: JsValue,
    keys: Array,
    next: u32,
}

impl<'de> MapAccess<'de> for Fields {
    type Error = Unreadable;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Unreadable> {
        if self.next >= self.keys.length() {
            return Ok(None);
        }
        let key = self.keys.get(self.next).as_string().unwrap_or_default();
        seed.deserialize(key.into_deserializer()).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unreadable> {
        let key = self.keys.get(self.next);
        self.next += 1;
        seed.deserialize(Value(Reflect::get(&self.object, &key).unwrap_or(JsValue::UNDEFINED)))
    }
}
