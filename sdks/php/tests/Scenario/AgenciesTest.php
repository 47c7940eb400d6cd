<?php

declare(strict_types=1);

namespace EntryRate\Tests\Scenario;

use EntryRate\EntryRate;
use EntryRate\Exception;
use EntryRate\Tests\Support\Harness;
use PHPUnit\Framework\TestCase;

/** An agency's admin key and the promoter option, against the real stack. */
final class AgenciesTest extends TestCase
{
    protected function setUp(): void
    {
        Harness::requireStack($this);
    }

    public function testAnAdminKeyActsForAManagedPromoterAndNeverAnother(): void
    {
        $er = Harness::client();
        $admin = $er->apiKeys->create(['name' => 'Agency admin', 'kind' => 'admin']);
        $this->assertSame('admin', $admin['kind']);
        $this->assertNull($admin['lastUsedAt']);
        $agency = new EntryRate($admin['secret']);

        $managed = $agency->promoters->create(['name' => Harness::marker('Managed')]);
        $this->assertStringStartsWith('pr_', $managed['id']);
        $this->assertStringStartsWith('pr_', (string) $managed['agencyId']);
        $listed = array_column($agency->promoters->list(['limit' => 100])->data, 'id');
        $this->assertContains($managed['id'], $listed);

        // The client option: every call acts for the managed promoter.
        $forManaged = new EntryRate($admin['secret'], ['promoter' => $managed['id']]);
        $venue = $forManaged->venues->create(['name' => Harness::marker('Thekla'), 'city' => 'Bristol', 'timezone' => 'Europe/London']);
        $event = $forManaged->events->create([
            'title' => Harness::marker('Managed night'),
            'venueId' => $venue['id'],
            'doors' => gmdate('Y-m-d\TH:i:s\Z', time() + 30 * 86400),
            'tiers' => [['name' => 'Standard', 'price' => 1500, 'stock' => 50]],
        ]);
        // The per-call option does the same; without it the agency's own promoter has no such event.
        $this->assertSame($event['id'], $agency->events->retrieve($event['id'], ['promoter' => $managed['id']])['id']);
        try {
            $agency->events->retrieve($event['id']);
            $this->fail("The agency's own promoter found the managed promoter's event.");
        } catch (Exception\NotFoundException) {
        }

        // A secret key naming a promoter not its own, and an admin key naming one outside its agency.
        $calls = [
            static fn () => $er->events->list([], ['promoter' => $managed['id']]),
            static fn () => $agency->events->list([], ['promoter' => 'pr_demo_strange_brew']),
        ];
        foreach ($calls as $call) {
            try {
                $call();
                $this->fail('A promoter outside the key was reached.');
            } catch (Exception\PermissionException $error) {
                $this->assertSame(403, $error->getStatus());
                $this->assertSame('auth.promoter_forbidden', $error->getCode());
            }
        }
    }
}
