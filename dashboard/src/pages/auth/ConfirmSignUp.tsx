// Owned by a dashboard engineer: replace this whole file.
export default function ConfirmSignUp() {
  return <p>ConfirmSignUp</p>;
}
