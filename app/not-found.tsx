import { AppHeader } from "@/components/layout/app-header";
import { NotFoundView } from "@/components/not-found/not-found-view";

// An address no route knows, signed in or not: the console's not-found page under its header.
export default function NotFound() {
  return (
    <>
      <AppHeader />
      <main id="main">
        <NotFoundView />
      </main>
    </>
  );
}
