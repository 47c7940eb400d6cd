// Owned by a dashboard engineer: replace this whole file.
export default function AcceptInvitation() {
  return <p>AcceptInvitation</p>;
}
