//! Embedding Beamlet in a Rust program: start a runtime, load a GenServer from source,
//! call it, exchange messages with a host process, expose a Rust function to Elixir, and
//! shut down.
//!
//! Run it with `cargo run -p beamlet-vm --example embed`. (`cargo test` runs it too:
//! `vm/tests/example_embed.rs`.)

use std::time::Duration;

use beamlet_vm::embed::{FromValue, IntoValue, Native, Runtime, Value};

const STACK: &str = r#"
defmodule Stack do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items, name: __MODULE__)
  def push(item), do: GenServer.cast(__MODULE__, {:push, item})
  def pop(), do: GenServer.call(__MODULE__, :pop)

  # Tells `pid` about every push, through a function written in Rust.
  def subscribe(pid), do: GenServer.call(__MODULE__, {:subscribe, pid})

  @impl true
  def init(items), do: {:ok, %{items: items, subscribers: []}}

  @impl true
  def handle_call(:pop, _from, %{items: [top | rest]} = s), do: {:reply, {:ok, top}, %{s | items: rest}}
  def handle_call(:pop, _from, s), do: {:reply, :empty, s}
  def handle_call({:subscribe, pid}, _from, s), do: {:reply, :ok, %{s | subscribers: [pid | s.subscribers]}}

  @impl true
  def handle_cast({:push, item}, s) do
    for pid <- s.subscribers, do: send(pid, {:pushed, item, Host.Util.describe(item)})
    {:noreply, %{s | items: [item | s.items]}}
  end
end
"#;

pub fn main() {
    let rt = Runtime::builder()
        .schedulers(2)
        .build()
        .expect("a runtime starts");

    // A Rust function Elixir code calls as `Host.Util.describe/1`.
    rt.register_native(
        "Host.Util",
        "describe",
        1,
        Native::new(|args| {
            let text = match &args[0] {
                Value::Int(i) => format!("the integer {i}"),
                Value::Binary(_) => format!("the string {}", args[0]),
                other => format!("the term {other}"),
            };
            Ok(text.into_value())
        }),
    )
    .expect("the native registers");

    rt.load_source(STACK, "stack.ex").expect("Stack compiles");
    rt.call("Stack", "start_link", vec![vec![1, 2].into_value()])
        .expect("Stack starts");

    // A host process: a pid this thread receives messages with.
    let host = rt.host().expect("a host process");
    rt.call("Stack", "subscribe", vec![Value::Pid(host.pid())])
        .unwrap();
    rt.call("Stack", "push", vec!["hello".into_value()])
        .unwrap();
    rt.call("Stack", "push", vec![42.into_value()]).unwrap();

    for _ in 0..2 {
        let msg = host
            .recv(Some(Duration::from_secs(5)))
            .expect("a push notice");
        println!("host got {msg}");
    }

    let top = rt.call("Stack", "pop", vec![]).unwrap();
    let top: Result<i64, Value> = FromValue::from_value(top).unwrap();
    println!("popped {top:?}");

    // Messages both ways: the host sends to a process that answers it.
    let (pid, _) = rt
        .eval_with(
            "spawn(fn -> receive do {from, n} -> send(from, {:double, n * 2}) end end)",
            vec![],
        )
        .unwrap();
    let pid: beamlet_vm::embed::Pid = pid.decode().unwrap();
    host.send(pid, (host.pid(), 21).into_value()).unwrap();
    println!(
        "host got {}",
        host.recv(Some(Duration::from_secs(5))).unwrap()
    );

    let rest = rt.eval("for _ <- 1..4, do: Stack.pop()").unwrap();
    println!("eval gave {rest}");

    rt.shutdown(Duration::from_secs(5))
        .expect("every process ends");
    println!("shut down");
}
