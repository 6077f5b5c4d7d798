BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule

    function script:Invoke-Field([hashtable] $Parameter, [System.Collections.IDictionary] $Definition = @{}) {
        InModuleScope Orchestrator -Parameters @{ P = $Parameter; D = $Definition } {
            param($P, $D)
            Set-OrcDefinitionField -Definition $D -Parameter $P
        }
    }
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Set-OrcDefinitionField' {
    It 'maps the action parameters' {
        $d = Invoke-Field @{ Name = 'db'; Command = 'C:\x.exe'; ArgumentList = @('--a'); WorkingDirectory = 'D:\w'; Description = 'd' }
        $d.name | Should -Be 'db'
        $d.description | Should -Be 'd'
        $d.action.command | Should -Be 'C:\x.exe'
        , $d.action.arguments | Should -BeOfType [object[]]
        $d.action.arguments | Should -Be @('--a')
        $d.action.workingDirectory | Should -Be 'D:\w'
    }

    It 'serialises a single argument as a JSON array' {
        $d = Invoke-Field @{ Name = 'db'; Command = 'x'; ArgumentList = @('only') }
        (ConvertTo-Json -InputObject $d -Depth 10 -Compress) | Should -Match '"arguments":\["only"\]'
    }

    It 'maps schedule parameter <Key>' -TestCases @(
        @{ Key = 'Cron'; Parameter = @{ Cron = '0 2 * * *'; TimeZone = 'Europe/Berlin' }; Json = '{"cron":"0 2 * * *","timezone":"Europe/Berlin"}' }
        @{ Key = 'AtStartup'; Parameter = @{ AtStartup = [switch]$true }; Json = '{"startup":{}}' }
        @{ Key = 'AtLogOn'; Parameter = @{ AtLogOn = [switch]$true; User = 'DOM\u' }; Json = '{"logon":{"user":"DOM\\u"}}' }
        @{ Key = 'Every'; Parameter = @{ Every = [timespan]'01:30:00' }; Json = '{"interval":"1h30m"}' }
    ) {
        $d = Invoke-Field $Parameter
        (ConvertTo-Json -InputObject $d.schedule -Depth 5 -Compress) | Should -Be $Json
    }

    It 'writes -Once as RFC 3339 with an offset' {
        $d = Invoke-Field @{ Once = [datetime]'2030-01-02T03:04:05' }
        $d.schedule.once | Should -Match '^2030-01-02T03:04:05[+-]\d\d:\d\d$'
    }

    It 'removes the schedule with -OnDemand and keeps other fields' {
        $d = Invoke-Field @{ OnDemand = [switch]$true } ([ordered]@{ name = 'x'; schedule = @{ cron = '* * * * *' }; timeout = '1h' })
        $d.Contains('schedule') | Should -BeFalse
        $d.timeout | Should -Be '1h'
    }

    It 'maps retry, timeout, overlap and notify' {
        $d = Invoke-Field @{ RetryCount = 2; RetryDelay = [timespan]'00:01:00'; Timeout = [timespan]'02:00:00'; Overlap = 'Stop-Previous'; NotifyOn = 'FAILURE', 'retriesexhausted'; NotifyTo = 'ops@example.com' }
        $d.retry.attempts | Should -Be 3
        $d.retry.delay | Should -Be '1m'
        $d.timeout | Should -Be '2h'
        $d.overlap | Should -Be 'stop-previous'
        $d.notify.on | Should -Be @('failure', 'retriesExhausted')
        $d.notify.to | Should -Be @('ops@example.com')
    }

    It 'replaces task dependencies and keeps other checks' {
        $old = [ordered]@{ dependencies = [ordered]@{ policy = 'wait'; checks = @(@{ type = 'tcp'; address = 'db:1' }, @{ type = 'task'; task = 'old' }) } }
        $d = Invoke-Field @{ DependsOn = @('a', 'b') } $old
        $d.dependencies.policy | Should -Be 'wait'
        @($d.dependencies.checks | ForEach-Object { $_['type'] + ':' + $(if ($_['type'] -eq 'task') { $_['task'] } else { $_['address'] }) }) |
            Should -Be @('tcp:db:1', 'task:a', 'task:b')
    }

    It 'maps run-as parameters' {
        $cred = New-Object System.Management.Automation.PSCredential ('DOM\svc', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        (Invoke-Field @{ Credential = $cred }).runAs | Should -BeOfType [System.Collections.IDictionary]
        (Invoke-Field @{ Credential = $cred }).runAs.logonType | Should -Be 'password'
        (Invoke-Field @{ GroupManagedServiceAccount = 'DOM\gmsa' }).runAs.user | Should -Be 'DOM\gmsa$'
        (Invoke-Field @{ RunAsSystem = [switch]$true } ([ordered]@{ runAs = @{ type = 'gmsa' } })).Contains('runAs') | Should -BeFalse
    }
}

Describe 'ConvertTo-OrcDuration' {
    It 'formats <Span> as <Text>' -TestCases @(
        @{ Span = '2.00:00:00'; Text = '2d' }
        @{ Span = '00:01:30'; Text = '1m30s' }
        @{ Span = '1.02:00:00'; Text = '26h' }
        @{ Span = '00:00:00.5'; Text = '500ms' }
    ) {
        InModuleScope Orchestrator -Parameters @{ S = [timespan]$Span } { param($S) ConvertTo-OrcDuration $S } | Should -Be $Text
    }
}

Describe 'ConvertTo-OrcPlainObject' {
    It 'rebuilds PSCustomObjects and arrays as ordered dictionaries and object[]' {
        $in = [pscustomobject]@{ name = 'x'; action = [pscustomobject]@{ arguments = @('a') } }
        $out = InModuleScope Orchestrator -Parameters @{ In = $in } { param($In) ConvertTo-OrcPlainObject $In }
        $out | Should -BeOfType [System.Collections.Specialized.OrderedDictionary]
        $out.action | Should -BeOfType [System.Collections.Specialized.OrderedDictionary]
        (ConvertTo-Json -InputObject $out -Depth 5 -Compress) | Should -Be '{"name":"x","action":{"arguments":["a"]}}'
    }
}
