import type { Metadata } from "next";
import { CreateUserForm, DisableUserForm, ResetPasswordForm, UserAccessForm } from "./_forms/user-forms";
import { can, roleLabel } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";
import { forbidPage } from "@/lib/page-errors";
import { listUserFormOptions, listUsers } from "@/lib/data/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireSignedIn("/dashboard/admin/users");
  if (!can(actor, "user.manage")) await forbidPage("/dashboard/admin/users");
  const [users, options] = await Promise.all([listUsers(actor), listUserFormOptions(actor)]);

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Users</h1>

      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-2xl font-bold">
          Everyone who can sign in
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Users with their role, organization, partnerships and status</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">
                  User
                </th>
                <th scope="col" className="py-2 pr-3">
                  Role
                </th>
                <th scope="col" className="py-2 pr-3">
                  Organization
                </th>
                <th scope="col" className="py-2 pr-3">
                  Partnerships
                </th>
                <th scope="col" className="py-2 pr-3">
                  Status
                </th>
                <th scope="col" className="py-2">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <span className="font-semibold">{user.name}</span>
                    <br />
                    {user.email}
                  </th>
                  <td className="py-2 pr-3">{roleLabel[user.role]}</td>
                  <td className="py-2 pr-3">{user.organization}</td>
                  <td className="py-2 pr-3">{user.role === "ADMIN" ? "All" : user.partnerships.map((p) => p.name).join(", ") || "None"}</td>
                  <td className="py-2 pr-3">{user.disabled ? "Disabled" : "Active"}</td>
                  <td className="py-2">
                    <details>
                      <summary className="cursor-pointer text-primary underline">Change {user.email}</summary>
                      <div className="mt-3 w-96 max-w-full space-y-4 border border-rule p-3">
                        <UserAccessForm
                          userId={user.id}
                          organizations={options.organizations}
                          partnerships={options.partnerships}
                          initial={{ role: user.role, organizationId: user.organizationId, partnershipIds: user.partnerships.map((p) => p.id) }}
                        />
                        <ResetPasswordForm userId={user.id} />
                        <DisableUserForm userId={user.id} disabled={user.disabled} email={user.email} />
                      </div>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="create-heading" className="space-y-3">
        <h2 id="create-heading" className="text-2xl font-bold">
          Add a user
        </h2>
        <CreateUserForm organizations={options.organizations} partnerships={options.partnerships} />
      </section>
    </div>
  );
}
