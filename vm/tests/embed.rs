//! The embedding API (`beamlet_vm::embed`), item by item. Every test shares the one
//! runtime of the test binary (`Runtime::shared`); shutting down is tested in
//! `embed_shutdown.rs`, a binary of its own.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use beamlet_vm::embed::serde::{from_value, to_value};
use beamlet_vm::embed::{
    AtomName, Binary, Error, FromValue, IntoValue, Native, Pid, Runtime, Value,
};

const SECOND: Option<Duration> = Some(Duration::from_secs(5));

fn rt() -> Runtime {
    Runtime::shared()
}

#[test]
fn eval_returns_the_last_value() {
    assert_eq!(rt().eval("x = 20\nx * 2 + 2").unwrap(), Value::Int(42));
    assert_eq!(
        rt().eval("Enum.map([1, 2, 3], &(&1 * 2))")
            .unwrap()
            .to_string(),
        "[2, 4, 6]"
    );
    assert_eq!(
        rt().eval("%{a: 1, b: \"two\"}").unwrap().to_string(),
        r#"%{a: 1, b: "two"}"#
    );
}

#[test]
fn eval_with_bindings_gives_them_back() {
    let (v, vars) = rt()
        .eval_with("y = x + 1\n{x, y}", vec![("x".into(), Value::Int(41))])
        .unwrap();
    assert_eq!(v.to_string(), "{41, 42}");
    assert_eq!(
        vars,
        vec![("x".into(), Value::Int(41)), ("y".into(), Value::Int(42))]
    );
}

#[test]
fn eval_reports_compile_errors_and_exceptions() {
    match rt().eval("1 +") {
        Err(Error::Compile(m)) => assert!(m.contains("SyntaxError"), "{m}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    match rt().eval("raise \"boom\"") {
        Err(Error::Raised {
            kind,
            reason,
            report,
        }) => {
            assert_eq!(kind, "error");
            assert_eq!(
                reason.field("message").and_then(Value::as_str),
                Some("boom")
            );
            assert!(report.starts_with("** (RuntimeError) boom"), "{report}");
        }
        other => panic!("expected a raise, got {other:?}"),
    }
    match rt().eval("throw(:ball)") {
        Err(Error::Raised { kind, reason, .. }) => {
            assert_eq!(kind, "throw");
            assert_eq!(reason, Value::atom("ball"));
        }
        other => panic!("expected a throw, got {other:?}"),
    }
}

#[test]
fn eval_of_a_killed_process_is_an_exit() {
    match rt().eval("Process.exit(self(), :kill)") {
        Err(Error::Exited(r)) => assert_eq!(r, Value::atom("killed")),
        other => panic!("expected an exit, got {other:?}"),
    }
}

#[test]
fn load_source_defines_modules_and_call_calls_them() {
    let src = "defmodule Embed.Math do\n  def double(x), do: x * 2\n  def fail, do: raise ArgumentError, \"no\"\nend\n";
    let mods = rt().load_source(src, "math.ex").unwrap();
    assert_eq!(mods, vec!["Elixir.Embed.Math".to_string()]);
    assert_eq!(
        rt().call("Embed.Math", "double", vec![Value::Int(21)])
            .unwrap(),
        Value::Int(42)
    );
    assert_eq!(
        rt().call(":lists", "reverse", vec![Value::from(vec![1, 2, 3])])
            .unwrap()
            .to_string(),
        "[3, 2, 1]"
    );
    match rt().call("Embed.Math", "fail", vec![]) {
        Err(Error::Raised { report, .. }) => {
            assert!(report.starts_with("** (ArgumentError) no"), "{report}")
        }
        other => panic!("{other:?}"),
    }
    match rt().call("Embed.Nope", "f", vec![]) {
        Err(Error::Raised { report, .. }) => assert!(
            report.contains("module Embed.Nope is not available"),
            "{report}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn load_bytecode_runs_a_compiled_program() {
    let src = "defmodule Embed.Compiled do\n  def answer, do: 42\nend\n";
    let modules = beamlet_vm::runtime::compile(src, "c.exs").unwrap();
    let bytes = beamlet_bytecode::pack::pack(&modules);
    let names = rt().load_bytecode(&bytes).unwrap();
    assert!(names.contains(&"Elixir.Embed.Compiled".to_string()));
    assert_eq!(
        rt().call("Embed.Compiled", "answer", vec![]).unwrap(),
        Value::Int(42)
    );
    // A corrupt file is an error, not a panic.
    for cut in [3, 12, bytes.len() / 2] {
        assert!(matches!(
            rt().load_bytecode(&bytes[..cut]),
            Err(Error::Load(_))
        ));
    }
    let mut bad = bytes.clone();
    let n = bad.len();
    bad[n - 3] ^= 0xff;
    let _ = rt().load_bytecode(&bad);
}

#[test]
fn a_genserver_loaded_and_called() {
    let src = r#"
defmodule Embed.Counter do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: :embed_counter)
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
  def handle_info({:report, to}, n), do: (send(to, {:count, n}); {:noreply, n})
end
"#;
    rt().load_source(src, "counter.ex").unwrap();
    rt().eval("{:ok, pid} = GenServer.start(Embed.Counter, 10, name: :embed_counter)\npid")
        .unwrap();
    rt().eval("GenServer.cast(:embed_counter, {:add, 5})")
        .unwrap();
    assert_eq!(
        rt().eval("GenServer.call(:embed_counter, :get)").unwrap(),
        Value::Int(15)
    );
    let host = rt().host().unwrap();
    rt().send(
        "embed_counter",
        Value::tuple([Value::atom("report"), Value::Pid(host.pid())]),
    )
    .unwrap();
    assert_eq!(host.recv(SECOND).unwrap().to_string(), "{:count, 15}");
}

#[test]
fn spawn_and_send() {
    let src = "defmodule Embed.Echo do\n  def loop do\n    receive do\n      {from, msg} -> send(from, {:echo, msg}); loop()\n    end\n  end\nend\n";
    rt().load_source(src, "echo.ex").unwrap();
    let echo = rt().spawn("Embed.Echo", "loop", vec![]).unwrap();
    assert!(rt().alive(echo));
    let host = rt().host().unwrap();
    host.send(echo, (host.pid(), "hi").into_value()).unwrap();
    assert_eq!(host.recv(SECOND).unwrap().to_string(), r#"{:echo, "hi"}"#);
    rt().exit(echo, Value::atom("kill")).unwrap();
    let t = Instant::now();
    while rt().alive(echo) && t.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(!rt().alive(echo));
    assert!(matches!(
        rt().send("no_such_name", Value::Int(1)),
        Err(Error::NoProcess(_))
    ));
    assert!(matches!(
        rt().spawn("Embed.Echo", "loop", vec![Value::atom(&"x".repeat(300))]),
        Err(Error::BadArg(_))
    ));
}

#[test]
fn host_receives_with_a_timeout_and_selectively() {
    let host = rt().host().unwrap();
    let t = Instant::now();
    assert_eq!(
        host.recv(Some(Duration::from_millis(100))),
        Err(Error::Timeout)
    );
    assert!(t.elapsed() >= Duration::from_millis(100));
    let me = Value::Pid(host.pid());
    rt().eval_with(
        "send(me, :first)\nsend(me, {:second, 2})\nsend(me, :third)",
        vec![("me".into(), me)],
    )
    .unwrap();
    let second = host
        .recv_match(SECOND, |m| matches!(m, Value::Tuple(_)))
        .unwrap();
    assert_eq!(second.to_string(), "{:second, 2}");
    assert_eq!(host.recv(SECOND).unwrap(), Value::atom("first"));
    assert_eq!(host.recv(SECOND).unwrap(), Value::atom("third"));
    assert_eq!(host.pending(), 0);
}

#[test]
fn host_links_and_monitors() {
    let host = rt().host().unwrap();
    let a = rt()
        .spawn(":timer", "sleep", vec![Value::atom("infinity")])
        .unwrap();
    let b = rt()
        .spawn(":timer", "sleep", vec![Value::atom("infinity")])
        .unwrap();
    host.link(a).unwrap();
    let r = host.monitor(b).unwrap();
    rt().exit(a, Value::atom("boom")).unwrap();
    rt().exit(b, Value::atom("bang")).unwrap();
    let exit = host
        .recv_match(SECOND, |m| m.to_string().starts_with("{:EXIT"))
        .unwrap();
    assert_eq!(
        exit,
        Value::tuple([Value::atom("EXIT"), Value::Pid(a), Value::atom("boom")])
    );
    let down = host
        .recv_match(SECOND, |m| m.to_string().starts_with("{:DOWN"))
        .unwrap();
    assert_eq!(
        down,
        Value::tuple([
            Value::atom("DOWN"),
            Value::Ref(r),
            Value::atom("process"),
            Value::Pid(b),
            Value::atom("bang")
        ])
    );
    // A demonitor is final; an unlink too.
    let c = rt()
        .spawn(":timer", "sleep", vec![Value::atom("infinity")])
        .unwrap();
    let r2 = host.monitor(c).unwrap();
    host.demonitor(r2).unwrap();
    host.link(c).unwrap();
    host.unlink(c).unwrap();
    rt().exit(c, Value::atom("kill")).unwrap();
    assert_eq!(
        host.recv(Some(Duration::from_millis(200))),
        Err(Error::Timeout)
    );
    // A dead host reports it instead of waiting forever.
    let pid = host.pid();
    rt().exit(pid, Value::atom("kill")).unwrap();
    assert_eq!(host.recv(SECOND), Err(Error::HostDown));
}

#[test]
fn natives_are_called_and_their_panics_become_errors() {
    rt().register_native(
        "Embed.Native",
        "add",
        2,
        Native::new(|args| match args {
            [Value::Int(a), Value::Int(b)] => Ok(Value::Int(a + b)),
            _ => Err(Value::atom("badarg")),
        }),
    )
    .unwrap();
    rt().register_native(
        "Embed.Native",
        "explode",
        0,
        Native::new(|_| panic!("kaboom")),
    )
    .unwrap();
    rt().register_native(
        "Embed.Native",
        "greet",
        1,
        Native::new(|args| {
            let name =
                String::from_value(args[0].clone()).map_err(|e| Value::from(e.to_string()))?;
            Ok(format!("hello {name}").into_value())
        }),
    )
    .unwrap();
    assert_eq!(rt().eval("Embed.Native.add(2, 3)").unwrap(), Value::Int(5));
    assert_eq!(
        rt().eval("Embed.Native.greet(\"bob\")").unwrap().as_str(),
        Some("hello bob")
    );
    match rt().eval("Embed.Native.add(2, :x)") {
        Err(Error::Raised { reason, .. }) => assert_eq!(reason, Value::atom("badarg")),
        other => panic!("{other:?}"),
    }
    match rt().eval("Embed.Native.explode()") {
        Err(Error::Raised { report, .. }) => assert!(
            report.starts_with(
                "** (RuntimeError) native function Embed.Native.explode/0 panicked: kaboom"
            ),
            "{report}"
        ),
        other => panic!("{other:?}"),
    }
    // The process that called it could rescue it, and the runtime goes on.
    assert_eq!(
        rt().eval("try do\n  Embed.Native.explode()\nrescue\n  e in RuntimeError -> :rescued\nend")
            .unwrap(),
        Value::atom("rescued")
    );
    assert!(matches!(
        rt().register_native(
            "Embed.Native",
            "Bad-name",
            0,
            Native::new(|_| Ok(Value::nil()))
        ),
        Err(Error::BadArg(_))
    ));
    assert!(matches!(
        rt().register_native("not a module", "f", 0, Native::new(|_| Ok(Value::nil()))),
        Err(Error::BadArg(_))
    ));
}

#[test]
fn a_dirty_native_does_not_hold_a_scheduler() {
    rt().register_native(
        ":embed_dirty",
        "slow",
        1,
        Native::new(|args| {
            std::thread::sleep(Duration::from_millis(300));
            Ok(args[0].clone())
        })
        .dirty(),
    )
    .unwrap();
    rt().register_native(
        ":embed_dirty",
        "crash",
        0,
        Native::new(|_| panic!("dirty boom")).dirty(),
    )
    .unwrap();
    let host = rt().host().unwrap();
    // Many slow calls at once: the schedulers stay free to run a counter meanwhile.
    let src = "for i <- 1..4, do: spawn(fn -> send(me, {:done, :embed_dirty.slow(i)}) end)\n\
               t0 = System.monotonic_time(:millisecond)\n\
               n = Enum.reduce(1..2000, 0, fn i, acc -> acc + i end)\n\
               send(me, {:counted, n, System.monotonic_time(:millisecond) - t0})";
    rt().eval_with(src, vec![("me".into(), Value::Pid(host.pid()))])
        .unwrap();
    let first = host.recv(SECOND).unwrap();
    assert!(
        first.to_string().starts_with("{:counted, 2001000"),
        "{first}"
    );
    for _ in 0..4 {
        let m = host.recv(SECOND).unwrap();
        assert!(m.to_string().starts_with("{:done, "), "{m}");
    }
    match rt().eval(":embed_dirty.crash()") {
        Err(Error::Raised { report, .. }) => {
            assert!(report.contains("panicked: dirty boom"), "{report}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn values_convert_both_ways() {
    let cases: Vec<(Value, &str)> = vec![
        (1i32.into_value(), "1"),
        (u64::MAX.into_value(), "18446744073709551615"),
        ((-1.5f64).into_value(), "-1.5"),
        (true.into_value(), "true"),
        ("héllo".into_value(), "\"héllo\""),
        (Binary(vec![0, 255]).into_value(), "<<0, 255>>"),
        (AtomName("ok".into()).into_value(), ":ok"),
        (vec![1u8, 2, 3].into_value(), "[1, 2, 3]"),
        (Some(3).into_value(), "3"),
        (None::<i32>.into_value(), "nil"),
        (Ok::<i32, String>(1).into_value(), "{:ok, 1}"),
        (
            Err::<i32, String>("no".into()).into_value(),
            "{:error, \"no\"}",
        ),
        ((1, "a", 2.5).into_value(), "{1, \"a\", 2.5}"),
        (BTreeMap::from([("k", 1)]).into_value(), "%{\"k\" => 1}"),
        (HashMap::from([(1, 2)]).into_value(), "%{1 => 2}"),
    ];
    for (v, shown) in cases {
        assert_eq!(v.to_string(), shown);
        // Through a real process and back.
        let (back, _) = rt().eval_with("v", vec![("v".into(), v.clone())]).unwrap();
        assert_eq!(back, v);
    }
    assert_eq!(u8::from_value(Value::Int(255)), Ok(255));
    assert!(u8::from_value(Value::Int(256)).is_err());
    assert!(String::from_value(Value::Binary(vec![0xff])).is_err());
    assert_eq!(
        <Result<Vec<String>, AtomName>>::from_value(rt().eval("{:ok, [\"a\", \"b\"]}").unwrap()),
        Ok(Ok(vec!["a".to_string(), "b".to_string()]))
    );
    assert_eq!(
        <(i64, bool)>::from_value(rt().eval("{7, false}").unwrap()),
        Ok((7, false))
    );
    let e = i64::from_value(Value::atom("x")).unwrap_err();
    assert_eq!(e.to_string(), "expected an integer of type i64, got: :x");
}

#[test]
fn terms_a_value_cannot_spell_are_kept_whole() {
    let f = rt().eval("fn x -> x * 3 end").unwrap();
    assert!(matches!(f, Value::Opaque(_)));
    let (v, _) = rt().eval_with("f.(14)", vec![("f".into(), f)]).unwrap();
    assert_eq!(v, Value::Int(42));
    let bits = rt().eval("<<1::3>>").unwrap();
    assert_eq!(bits.to_string(), "<<1::size(3)>>");
    let deep = rt()
        .eval("Enum.reduce(1..20000, [], fn _, acc -> [acc] end)")
        .unwrap();
    let (len, _) = rt()
        .eval_with("length(List.flatten(d))", vec![("d".into(), deep)])
        .unwrap();
    assert_eq!(len, Value::Int(0));
    let pid: Pid = rt().eval("self()").unwrap().decode().unwrap();
    assert!(pid.to_string().starts_with("#PID<0."));
    let big = rt().eval("2 ** 100").unwrap();
    assert_eq!(big.to_string(), "1267650600228229401496703205376");
}

#[test]
fn serde_round_trips() {
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    enum Shape {
        Dot,
        Circle(f64),
        Rect { w: u32, h: u32 },
        Pair(i8, i8),
    }
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Drawing {
        name: String,
        shapes: Vec<Shape>,
        tags: Option<Vec<String>>,
        bytes: serde_bytes_like::Bytes,
    }
    mod serde_bytes_like {
        #[derive(Debug, PartialEq)]
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
        impl<'de> serde::Deserialize<'de> for Bytes {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = Bytes;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("bytes")
                    }
                    fn visit_bytes<E>(self, b: &[u8]) -> Result<Bytes, E> {
                        Ok(Bytes(b.to_vec()))
                    }
                    fn visit_byte_buf<E>(self, b: Vec<u8>) -> Result<Bytes, E> {
                        Ok(Bytes(b))
                    }
                    fn visit_str<E>(self, s: &str) -> Result<Bytes, E> {
                        Ok(Bytes(s.as_bytes().to_vec()))
                    }
                }
                d.deserialize_bytes(V)
            }
        }
    }
    let d = Drawing {
        name: "art".into(),
        shapes: vec![
            Shape::Dot,
            Shape::Circle(1.5),
            Shape::Rect { w: 2, h: 3 },
            Shape::Pair(-1, 1),
        ],
        tags: None,
        bytes: serde_bytes_like::Bytes(vec![1, 2]),
    };
    let v = to_value(&d).unwrap();
    assert_eq!(
        v.to_string(),
        "%{bytes: <<1, 2>>, name: \"art\", shapes: [:dot, {:circle, 1.5}, {:rect, %{h: 3, w: 2}}, {:pair, -1, 1}], tags: nil}"
            .replace(":dot", ":Dot")
            .replace(":circle", ":Circle")
            .replace(":rect", ":Rect")
            .replace(":pair", ":Pair")
    );
    // Elixir code can read and rebuild it.
    let (back, _) = rt()
        .eval_with("%{d | name: String.upcase(d.name)}", vec![("d".into(), v)])
        .unwrap();
    let d2: Drawing = from_value(back).unwrap();
    assert_eq!(d2.name, "ART");
    assert_eq!(d2.shapes, d.shapes);
    assert!(from_value::<Drawing>(Value::Int(1)).is_err());
}

#[test]
fn builder_refuses_a_second_runtime() {
    let _ = rt();
    assert_eq!(
        Runtime::builder().build().unwrap_err(),
        Error::AlreadyRunning
    );
    assert!(Runtime::current().is_some());
}

#[test]
fn the_runtime_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Runtime>();
    check::<Value>();
    check::<beamlet_vm::embed::Host>();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let rt = rt();
            std::thread::spawn(move || rt.eval(&format!("{i} * 10")).unwrap())
        })
        .collect();
    let got: Vec<Value> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(got, (0..4).map(|i| Value::Int(i * 10)).collect::<Vec<_>>());
}
