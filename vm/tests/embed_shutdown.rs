//! Shutting a runtime down while processes run: every process ends, nothing hangs, the
//! handles answer `Error::Shutdown`, and a new runtime can be built after. (A binary of its
//! own: the runtime is per OS process.)

use std::time::{Duration, Instant};

use beamlet_vm::embed::{Error, Native, Runtime, Value};

#[test]
fn shutdown_with_running_processes() {
    let rt = Runtime::builder()
        .schedulers(2)
        .process_limit(5000)
        .max_heap_size(1 << 20)
        .build()
        .unwrap();
    assert_eq!(
        Runtime::builder().build().unwrap_err(),
        Error::AlreadyRunning
    );
    let base = rt.process_count();
    rt.register_native(
        ":shut",
        "nap",
        0,
        Native::new(|_| {
            std::thread::sleep(Duration::from_millis(200));
            Ok(Value::atom("ok"))
        })
        .dirty(),
    )
    .unwrap();
    // Busy loops, waiting receives, a supervision tree, trapped exits, a dirty call and
    // a host process waiting for a message.
    rt.eval(
        r#"
defmodule Shut.Spin do
  def spin(n), do: spin(n + 1)
end
defmodule Shut.Server do
  use GenServer
  def init(x) do
    Process.flag(:trap_exit, true)
    {:ok, x}
  end
  def terminate(_, _), do: :ok
end
for _ <- 1..4, do: spawn(fn -> Shut.Spin.spin(0) end)
for _ <- 1..1000, do: spawn(fn -> receive do _ -> :ok end end)
{:ok, _} = Supervisor.start_link([%{id: Shut.Server, start: {GenServer, :start_link, [Shut.Server, 1]}}], strategy: :one_for_one)
spawn(fn -> :shut.nap() end)
:ok
"#,
    )
    .unwrap();
    let host = rt.host().unwrap();
    let waiter = {
        let rt = rt.clone();
        std::thread::spawn(move || {
            let _keep = rt;
            host.recv(None)
        })
    };
    assert!(rt.process_count() > base + 1000);
    let t = Instant::now();
    rt.shutdown(Duration::from_secs(10)).unwrap();
    assert!(t.elapsed() < Duration::from_secs(10));
    assert_eq!(rt.process_count(), 0);
    // The thread waiting on the host process is told, not left hanging.
    assert_eq!(waiter.join().unwrap(), Err(Error::HostDown));
    assert_eq!(rt.eval("1"), Err(Error::Shutdown));
    assert_eq!(rt.shutdown(Duration::from_secs(1)), Err(Error::Shutdown));
    assert!(Runtime::current().is_none());
    // A new runtime runs code again (same schedulers: they belong to the OS process).
    assert!(matches!(
        Runtime::builder().schedulers(3).build(),
        Err(Error::Config(_))
    ));
    let rt2 = Runtime::builder().build().unwrap();
    assert_eq!(
        rt2.eval("function_exported?(Shut.Spin, :spin, 1)").unwrap(),
        Value::atom("true")
    );
    rt2.shutdown(Duration::from_secs(5)).unwrap();
}
