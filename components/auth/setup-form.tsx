"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { authClient } from "./auth-client";

export function SetupForm({ minPasswordLength }: { minPasswordLength: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.setup.createFirstAdmin.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
    };
    if (input.password !== String(form.get("confirm"))) {
      setError("The two passwords differ.");
      return;
    }
    setError(null);
    try {
      await create.mutateAsync(input);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return;
    }
    await authClient.signIn.email({ email: input.email, password: input.password });
    router.replace("/");
    router.refresh();
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="setup-title">
      <h1 id="setup-title">Set up the console</h1>
      <p className="muted">No one has an account yet. Create the first admin; admins add everyone else.</p>
      <label>
        Name
        {/* biome-ignore lint/a11y/noAutofocus: a page whose only job is this form starts in its first field */}
        <input name="name" required autoComplete="name" autoFocus />
      </label>
      <label>
        Email
        <input name="email" type="email" required autoComplete="username" />
      </label>
      <label>
        Password <span className="muted">(at least {minPasswordLength} characters)</span>
        <input name="password" type="password" required minLength={minPasswordLength} autoComplete="new-password" />
      </label>
      <label>
        Repeat the password
        <input name="confirm" type="password" required minLength={minPasswordLength} autoComplete="new-password" />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? "Creating …" : "Create admin and sign in"}
      </button>
    </form>
  );
}
