BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'ConvertTo-OrcTimeSpan' {
    It 'reads <Value> as <Expected>' -ForEach @(
        @{ Value = '90s'; Expected = '00:01:30' }
        @{ Value = '15m'; Expected = '00:15:00' }
        @{ Value = '2h'; Expected = '02:00:00' }
        @{ Value = '1h30m'; Expected = '01:30:00' }
        @{ Value = '1d'; Expected = '1.00:00:00' }
        @{ Value = '1d2h3m4s5ms'; Expected = '1.02:03:04.005' }
        @{ Value = '500ms'; Expected = '00:00:00.5' }
        @{ Value = '02:00:00'; Expected = '02:00:00' }
        @{ Value = '1.02:00:00'; Expected = '1.02:00:00' }
    ) {
        InModuleScope Orchestrator -Parameters @{ Value = $Value } { ConvertTo-OrcTimeSpan -Value $Value -ParameterName Timeout } |
            Should -Be ([timespan]::Parse($Expected, [System.Globalization.CultureInfo]::InvariantCulture))
    }

    It 'takes a [timespan] as it is' {
        InModuleScope Orchestrator { ConvertTo-OrcTimeSpan -Value ([timespan]::FromMinutes(7)) -ParameterName Timeout } | Should -Be ([timespan]::FromMinutes(7))
    }

    It 'refuses <Value> with Orc.InvalidDuration naming the parameter' -ForEach @(
        @{ Value = 'soon' }, @{ Value = '2x' }, @{ Value = '2 h' }, @{ Value = '-5m' }
    ) {
        $thrown = { InModuleScope Orchestrator -Parameters @{ Value = $Value } { ConvertTo-OrcTimeSpan -Value $Value -ParameterName RetryDelay } } |
            Should -Throw -ErrorId 'Orc.InvalidDuration' -PassThru
        "$thrown" | Should -BeLike "*-RetryDelay*'2h'*"
    }

    It 'reads back whatever ConvertTo-OrcDuration shows (500 random durations, seeded)' {
        InModuleScope Orchestrator {
            $random = New-Object System.Random 8
            for ($i = 0; $i -lt 500; $i++) {
                $span = [timespan]::FromMilliseconds([math]::Floor($random.NextDouble() * 10 * 86400000))
                $text = ConvertTo-OrcDuration -TimeSpan $span
                ConvertTo-OrcTimeSpan -Value $text -ParameterName Timeout | Should -Be $span -Because "$span was shown as $text"
            }
        }
    }
}

Describe 'Durations in the views' {
    BeforeAll {
        $script:result = [pscustomobject]@{ PSTypeName = 'Orchestrator.TaskResult'; Task = 'db'; Status = 'SUCCESS'; Start = [datetime]'2026-01-01T02:00:00'
            Duration = [timespan]::Parse('1.02:00:00.018', [System.Globalization.CultureInfo]::InvariantCulture); ExitCode = 0; Attempts = 1; Reason = $null }
    }

    It 'shows the same text in the table and the list, a day and more included (26h18ms), as ConvertTo-OrcDuration writes it' {
        $table = $result | Format-Table | Out-String -Width 200
        $list = $result | Format-List | Out-String -Width 200
        $table | Should -Match '\b26h18ms\b'
        $list | Should -Match 'Duration\s*:\s*26h18ms'
    }

    It 'shows check durations the same way' {
        $check = [pscustomobject]@{ PSTypeName = 'Orchestrator.CheckResult'; Task = 'db'; Name = 'tcp db:1'; Type = 'tcp'; Met = $true; Duration = [timespan]::FromMilliseconds(18); Reason = $null }
        $check | Format-Table | Out-String -Width 200 | Should -Match '\b18ms\b'
    }
}
