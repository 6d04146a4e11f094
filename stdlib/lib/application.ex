# Application environment: `Application.get_env/put_env/...` over `:application`, whose
# table is held by a registered process (`:application_controller`) started on first use.
# The applications a script has loaded are the ones `elixir` loads: kernel, stdlib,
# compiler, elixir and logger (their own default environments are not reproduced).

defmodule :application do
  @loaded [:kernel, :stdlib, :compiler, :elixir, :logger]

  def get_env(app, key) do
    case call({:get, app, key}) do
      {:ok, value} -> {:ok, value}
      :error -> :undefined
    end
  end

  def get_env(app, key, default) do
    case call({:get, app, key}) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def get_all_env(app), do: call({:all, app})
  def set_env(app, key, value), do: set_env(app, key, value, [])

  def set_env(app, key, value, _opts) do
    call({:put, app, key, value})
    :ok
  end

  def set_env(config, _opts) when is_list(config) do
    for {app, pairs} <- config, {key, value} <- pairs, do: call({:put, app, key, value})
    :ok
  end

  def unset_env(app, key), do: unset_env(app, key, [])

  def unset_env(app, key, _opts) do
    call({:delete, app, key})
    :ok
  end

  def get_key(app, :vsn) do
    if app in @loaded, do: {:ok, String.to_charlist(System.version())}, else: :undefined
  end

  def get_key(_app, _key), do: :undefined

  def loaded_applications() do
    for app <- @loaded, do: {app, Atom.to_charlist(app), String.to_charlist(System.version())}
  end

  defp call(req), do: :beamlet_system_server.call(:application_controller, :application, req)

  # The table: app => [{key, value}] in the order keys were first set.
  @doc false
  def init(), do: %{}

  @doc false
  def handle_call(req, env), do: handle(req, env)

  @doc false
  def handle_info(_other, env), do: env

  defp handle({:get, app, key}, env) do
    case List.keyfind(Map.get(env, app, []), key, 0) do
      {_, value} -> {{:ok, value}, env}
      nil -> {:error, env}
    end
  end

  defp handle({:all, app}, env), do: {Map.get(env, app, []), env}

  defp handle({:put, app, key, value}, env) do
    {:ok, Map.put(env, app, List.keystore(Map.get(env, app, []), key, 0, {key, value}))}
  end

  defp handle({:delete, app, key}, env) do
    {:ok, Map.put(env, app, List.keydelete(Map.get(env, app, []), key, 0))}
  end
end

defmodule Application do
  def get_env(app, key, default \\ nil) when is_atom(app), do: :application.get_env(app, key, default)

  def fetch_env(app, key) when is_atom(app) do
    case :application.get_env(app, key) do
      {:ok, value} -> {:ok, value}
      :undefined -> :error
    end
  end

  def fetch_env!(app, key) when is_atom(app) do
    case fetch_env(app, key) do
      {:ok, value} ->
        value

      :error ->
        reason =
          case :application.get_key(app, :vsn) do
            {:ok, _} -> "because configuration at #{inspect(key)} was not set"
            :undefined -> "because the application was not loaded nor configured"
          end

        raise ArgumentError,
              "could not fetch application environment #{inspect(key)} for application #{inspect(app)} " <>
                reason
    end
  end

  def get_all_env(app) when is_atom(app), do: :application.get_all_env(app)

  def put_env(app, key, value, opts \\ []) when is_atom(app),
    do: :application.set_env(app, key, value, opts)

  def put_all_env(config, opts \\ []) when is_list(config), do: :application.set_env(config, opts)
  def delete_env(app, key, opts \\ []) when is_atom(app), do: :application.unset_env(app, key, opts)
  def loaded_applications(), do: :application.loaded_applications()

  def spec(app, :vsn) do
    case :application.get_key(app, :vsn) do
      {:ok, vsn} -> vsn
      :undefined -> nil
    end
  end
end
