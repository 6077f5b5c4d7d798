BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Set-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Invoke-OrcExec {
            New-OrcExecResult -Records @(
                ConvertTo-OrcTestRecord '{"schema":"orc.task/v1","name":"db","valid":true,"definition":{"name":"db","action":{"command":"x","arguments":["a"]},"schedule":{"cron":"0 2 * * *"},"timeout":"1h","overlap":"skip","outputCap":1048576}}'
                ConvertTo-OrcTestRecord '{"schema":"orc.task/v1","name":"bad","valid":false,"error":"broken","file":"/s/tasks/bad.json"}'
            )
        } -ParameterFilter { $ArgumentList[0] -eq 'list' }
        Mock Invoke-OrcTaskRegistration { [pscustomobject]@{ Name = $Name; ErrorRecord = $null } }
    }

    It 'requires -Name, by value and by property name' {
        $name = (Get-Command Set-OrcTask).Parameters['Name']
        $name.Attributes.Mandatory | Should -Contain $true
        $name.Attributes.ValueFromPipeline | Should -Contain $true
        $name.Attributes.ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It 'sends only the given fields to orc-exec define --set and re-registers' {
        Set-OrcTask -Name db -Timeout '02:00:00'
        Should -Invoke Invoke-OrcTaskRegistration -Exactly 1 -ParameterFilter {
            $Name -eq 'db' -and (@($Edit) -join '|') -eq 'timeout="2h"' -and -not $Definition -and $StoreHome -eq '/s'
        }
    }

    It 'changes nothing with -WhatIf' {
        Set-OrcTask -Name db -Timeout '02:00:00' -WhatIf
        Should -Invoke Invoke-OrcTaskRegistration -Exactly 0
    }

    It 'takes names from the pipeline with one list call' {
        'db', 'db' | Set-OrcTask -Description 'd' -Confirm:$false
        [pscustomobject]@{ Name = 'db' } | Set-OrcTask -Description 'e'
        Should -Invoke Invoke-OrcTaskRegistration -Exactly 3
    }

    It 'writes Orc.TaskNotFound for an unknown task and Orc.InvalidDefinition for an invalid one' {
        Set-OrcTask -Name nope -Timeout '00:01:00' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
        Set-OrcTask -Name bad -Timeout '00:01:00' -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'Orc.InvalidDefinition*'
        Should -Invoke Invoke-OrcTaskRegistration -Exactly 0
    }

    It 'refuses two schedules at once (Orc.Usage)' {
        { Set-OrcTask -Name db -Cron '* * * * *' -AtStartup } | Should -Throw -ErrorId 'Orc.Usage*'
    }

    It 'passes on the registration error' {
        Mock Invoke-OrcTaskRegistration { [pscustomobject]@{ Name = 'db'; ErrorRecord = (New-Object System.Management.Automation.ErrorRecord ([System.InvalidOperationException]'pass -Credential'), 'Orc.CredentialRequired', 'InvalidArgument', 'db') } }
        Set-OrcTask -Name db -Description x -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.CredentialRequired*'
    }
}
